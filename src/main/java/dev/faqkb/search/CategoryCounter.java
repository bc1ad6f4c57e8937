package dev.faqkb.search;

import java.io.IOException;
import java.util.Collection;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching questions per category (by the category's position in the catalog): the
 * facets and the total in one pass over the matches.
 */
final class CategoryCounter implements CollectorManager<CategoryCounter.Counter, long[]> {

	private final int categories;

	CategoryCounter(int categories) {
		this.categories = categories;
	}

	@Override
	public Counter newCollector() {
		return new Counter(new long[categories]);
	}

	@Override
	public long[] reduce(Collection<Counter> collectors) {
		long[] sum = new long[categories];
		for (Counter counter : collectors) {
			for (int i = 0; i < categories; i++) {
				sum[i] += counter.counts[i];
			}
		}
		return sum;
	}

	static final class Counter extends SimpleCollector {

		private final long[] counts;

		private NumericDocValues ords;

		Counter(long[] counts) {
			this.counts = counts;
		}

		@Override
		protected void doSetNextReader(LeafReaderContext context) throws IOException {
			ords = DocValues.getNumeric(context.reader(), IndexSchema.CATEGORY_ORD);
		}

		@Override
		public void collect(int doc) throws IOException {
			if (ords.advanceExact(doc)) {
				counts[(int) ords.longValue()]++;
			}
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
