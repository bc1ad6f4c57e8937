package dev.faqkb.search;

import java.io.IOException;
import java.util.BitSet;
import java.util.Collection;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching questions per category (by the category's position in the catalog), the
 * facets and the total, and notes the questions that have every query word, in one pass
 * over the matches of {@link QueryFactory.Planned#counted}: a question has every word
 * when its score, the number of words it has, reaches the number of query words.
 */
final class CategoryCounter implements CollectorManager<CategoryCounter.Counter, CategoryCounter.Counted> {

	private final int categories;

	private final Ordinals ordinals;

	private final int words;

	/**
	 * @param words how many query words a question must have to have every word (0: none
	 * has)
	 */
	CategoryCounter(int categories, Ordinals ordinals, int words) {
		this.categories = categories;
		this.ordinals = ordinals;
		this.words = words;
	}

	@Override
	public Counter newCollector() {
		return new Counter(new long[categories], new BitSet(), ordinals, words);
	}

	@Override
	public Counted reduce(Collection<Counter> collectors) {
		long[] sum = new long[categories];
		BitSet everyWord = new BitSet();
		for (Counter counter : collectors) {
			for (int i = 0; i < categories; i++) {
				sum[i] += counter.counts[i];
			}
			everyWord.or(counter.everyWord);
		}
		return new Counted(sum, everyWord);
	}

	/**
	 * @param counts matching questions per category position
	 * @param everyWord the ordinals of the questions that have every query word
	 */
	record Counted(long[] counts, BitSet everyWord) {
	}

	static final class Counter extends SimpleCollector {

		private final long[] counts;

		private final BitSet everyWord;

		private final Ordinals ordinals;

		// a score is a sum of ones, exact in a float: half a word below the count is
		// only a guard
		private final float everyWordScore;

		private final boolean anyWord;

		private NumericDocValues ords;

		private Scorable scorer;

		private int docBase;

		Counter(long[] counts, BitSet everyWord, Ordinals ordinals, int words) {
			this.counts = counts;
			this.everyWord = everyWord;
			this.ordinals = ordinals;
			this.everyWordScore = words - 0.5f;
			this.anyWord = words > 0;
		}

		@Override
		protected void doSetNextReader(LeafReaderContext context) throws IOException {
			ords = DocValues.getNumeric(context.reader(), IndexSchema.CATEGORY_ORD);
			docBase = context.docBase;
		}

		@Override
		public void setScorer(Scorable scorer) {
			this.scorer = scorer;
		}

		@Override
		public void collect(int doc) throws IOException {
			if (ords.advanceExact(doc)) {
				counts[(int) ords.longValue()]++;
			}
			if (anyWord && scorer.score() >= everyWordScore) {
				everyWord.set(ordinals.ordinal(docBase + doc));
			}
		}

		@Override
		public ScoreMode scoreMode() {
			// the score is the number of query words a question has
			return anyWord ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
		}

	}

}
