package dev.faqkb.search;

import java.util.Locale;

import dev.faqkb.content.Question;
import dev.faqkb.system.PlainText;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * The fields of the index and the Lucene document of one question: the one place that
 * says what is indexed and how. Which analyzer reads each field is in {@link Analyzers}.
 */
final class IndexSchema {

	/** {@code category/id}: finds one question (related questions exclude it by this). */
	static final String KEY = "key";

	/** The category id, for the category filter. */
	static final String CATEGORY = "category";

	/**
	 * Position of the category in the catalog, for counting facets without string
	 * lookups.
	 */
	static final String CATEGORY_ORD = "category.ord";

	/**
	 * Position of the question in {@code Catalog.questions()}: maps a doc back to its
	 * question (see {@link Ordinals}).
	 */
	static final String QUESTION_ORD = "question.ord";

	/** The question, stemmed: the strongest field of the ranking. */
	static final String QUESTION = "question";

	/** The question's words as typed, for ranking suggestions. */
	static final String QUESTION_WORDS = "question.words";

	/** Every prefix of every word of the question, for as-you-type matching. */
	static final String QUESTION_PREFIX = "question.prefix";

	/**
	 * The whole question, normalized ({@link #normalize}): the question typed exactly.
	 */
	static final String QUESTION_EXACT = "question.exact";

	/** The title of the question's section, stemmed. */
	static final String SECTION = "section";

	/** The answer as plain text, stemmed: ranked, and the text of snippets. */
	static final String ANSWER = "answer";

	/** The words of the question and answer as typed, for "Did you mean". */
	static final String WORDS = "words";

	/** Identifiers, numbers and symbols as typed ({@link Identifiers}). */
	static final String IDENT = "ident";

	/**
	 * Every word of the question, section and answer, for counting how many query words a
	 * question has.
	 */
	static final String ALL = "all";

	// Only searched, never scored by frequency or length: a plain inverted list is
	// enough.
	private static final FieldType DOCS_ONLY = docsOnly();

	// Text, scored, with the character offsets of each word in its postings.
	private static final FieldType WITH_OFFSETS = withOffsets();

	private IndexSchema() {
	}

	/**
	 * @param categoryOrd the position of its category in the catalog
	 * @param questionOrd its position in {@code Catalog.questions()}
	 * @param budget how much of the answer snippets are cut from: all that is stored of
	 * it
	 */
	static Document document(Question question, int categoryOrd, int questionOrd, QueryBudget budget) {
		Document doc = new Document();
		// One term, never read back (docs map to questions through QUESTION_ORD):
		// indexed, not stored.
		doc.add(new StringField(KEY, key(question), Field.Store.NO));
		// An exact-match filter: not tokenized, not stored.
		doc.add(new StringField(CATEGORY, question.category(), Field.Store.NO));
		// Doc values: read per matching doc while counting, no terms needed.
		doc.add(new NumericDocValuesField(CATEGORY_ORD, categoryOrd));
		// Stored so that MoreLikeThis can read it back; positions for phrases.
		doc.add(new TextField(QUESTION, question.text(), Field.Store.YES));
		// Frequencies count for suggestions, so a full text field.
		doc.add(new TextField(QUESTION_WORDS, question.text(), Field.Store.NO));
		// A prefix either starts a word of the question or not: no frequencies, positions
		// or norms.
		doc.add(new Field(QUESTION_PREFIX, question.text(), DOCS_ONLY));
		// One term for the whole question: a match means it was typed exactly.
		doc.add(new StringField(QUESTION_EXACT, normalize(question.text()), Field.Store.NO));
		if (question.section() != null) {
			doc.add(new TextField(SECTION, question.section(), Field.Store.NO));
		}
		// Positions for proximity pairs. Indexed whole, but stored only as far as the
		// highlighter cuts snippets from
		// (and MoreLikeThis reads far less): it reads the stored value whole, and a large
		// answer's whole text would be
		// read into memory for each search that shows it.
		// Offsets in the postings too: snippets are cut where the words are, read from
		// the
		// index, rather than by analysing the stored answer again for each result shown.
		doc.add(new Field(ANSWER, question.answerText(), WITH_OFFSETS));
		doc.add(new StoredField(ANSWER, PlainText.cut(question.answerText(), budget.maxMarkedChars())));
		String all = question.text() + "\n" + question.answerText();
		// The spell checker only needs to know that a word exists.
		doc.add(new Field(WORDS, all, DOCS_ONLY));
		// Coverage counts a word once, however often it occurs: no frequencies or norms.
		doc.add(new Field(ALL, all + "\n" + (question.section() == null ? "" : question.section()), DOCS_ONLY));
		// Scored like text, so a rare identifier counts more than a common one.
		doc.add(new TextField(IDENT, String.join(" ", Identifiers.of(all)), Field.Store.NO));
		// Doc values: read once per snapshot into an array, no stored-field reads.
		doc.add(new NumericDocValuesField(QUESTION_ORD, questionOrd));
		return doc;
	}

	static String key(Question question) {
		return question.category() + "/" + question.id();
	}

	/**
	 * Lowercase words separated by single spaces: equal for texts that differ only in
	 * case and punctuation.
	 */
	static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static FieldType withOffsets() {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	private static FieldType docsOnly() {
		FieldType type = new FieldType();
		type.setIndexOptions(IndexOptions.DOCS);
		type.setTokenized(true);
		type.setOmitNorms(true);
		type.freeze();
		return type;
	}

}
