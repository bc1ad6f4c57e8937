package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Lucene doc ids to question ordinals (positions in {@code Catalog.questions()}) and
 * back, read once per snapshot from {@link IndexSchema#QUESTION_ORD}: rankings speak of
 * questions, not of docs, and mapping them needs no stored-field reads. Immutable.
 */
final class Ordinals {

	private final List<Question> questions;

	private final int[] ordinalByDoc;

	private final int[] docByOrdinal;

	// the position of each question's category in the catalog, by ordinal, for facets
	private final int[] categoryByOrdinal;

	private final int categories;

	Ordinals(IndexReader reader, Catalog catalog) {
		this.questions = catalog.questions();
		List<Category> all = catalog.categories();
		this.categories = all.size();
		this.categoryByOrdinal = new int[questions.size()];
		int next = 0;
		for (int c = 0; c < all.size(); c++) {
			for (int i = 0; i < all.get(c).questions().size(); i++) {
				categoryByOrdinal[next++] = c;
			}
		}
		this.ordinalByDoc = new int[reader.maxDoc()];
		this.docByOrdinal = new int[questions.size()];
		Arrays.fill(ordinalByDoc, -1);
		Arrays.fill(docByOrdinal, -1);
		try {
			for (LeafReaderContext leaf : reader.leaves()) {
				NumericDocValues ords = leaf.reader().getNumericDocValues(IndexSchema.QUESTION_ORD);
				for (int doc = ords.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ords.nextDoc()) {
					int ordinal = (int) ords.longValue();
					ordinalByDoc[leaf.docBase + doc] = ordinal;
					docByOrdinal[ordinal] = leaf.docBase + doc;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int ordinal(int doc) {
		return ordinalByDoc[doc];
	}

	int doc(int ordinal) {
		return docByOrdinal[ordinal];
	}

	Question question(int ordinal) {
		return questions.get(ordinal);
	}

	/** The position in the catalog of the category of the question at {@code ordinal}. */
	int category(int ordinal) {
		return categoryByOrdinal[ordinal];
	}

	/** How many categories the catalog has. */
	int categories() {
		return categories;
	}

	Question questionOfDoc(int doc) {
		return questions.get(ordinalByDoc[doc]);
	}

}
