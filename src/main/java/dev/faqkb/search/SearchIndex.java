package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A Lucene index of one catalog snapshot. Built once, then read-only: the index never changes after
 * construction, so one {@link IndexSearcher} is shared by all threads (no SearcherManager needed; a
 * content change builds a whole new index). Every method is thread-safe.
 */
public final class SearchIndex implements AutoCloseable {

	static final String KEY = "key";

	static final String CATEGORY = "category";

	/** Position of the category in the catalog, for counting facets without string lookups. */
	static final String CATEGORY_ORD = "category.ord";

	// position in Catalog.questions(): maps a Lucene doc back to its question without reading stored fields
	static final String QUESTION_ORD = "question.ord";

	static final String QUESTION = "question";

	static final String QUESTION_WORDS = "question.words";

	static final String QUESTION_PREFIX = "question.prefix";

	static final String QUESTION_EXACT = "question.exact";

	static final String SECTION = "section";

	static final String ANSWER = "answer";

	static final String WORDS = "words";

	static final String IDENT = "ident";

	/** Every word of the question, section and answer, for counting how many query words a question has. */
	static final String ALL = "all";


	/** How many questions the fast first pass hands to the full ranking (more when a deep page asks). */
	static final int RESCORE_WINDOW = 200;

	/** Snippets aim at about this many characters around the best match. */
	static final int SNIPPET_LENGTH = 240;

	// Only searched, never scored by frequency or length: a plain inverted list is enough.
	private static final FieldType DOCS_ONLY = docsOnly();

	private final Catalog catalog;

	private final Analyzers analyzers;

	private final QueryFactory queries;

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private final UnifiedHighlighter highlighter;

	private final Spelling spelling;

	private final Suggester suggester;

	private final MoreLikeThis moreLikeThis;

	// Lucene doc id to question, read once: hits, suggestions and related questions need no stored-field reads.
	private final Question[] byDoc;

	private final Map<String, List<Question>> related = new ConcurrentHashMap<>();

	/** Suggestions for queries of at most this many characters are computed once per snapshot. */
	static final int SHORT_PREFIX = 3;

	private final Map<String, List<Question>> shortSuggestions = new ConcurrentHashMap<>();

	public SearchIndex(Catalog catalog) {
		this(catalog, null);
	}

	/**
	 * @param synonyms applied to queries, or {@code null} for none (see {@link Synonyms#read})
	 */
	public SearchIndex(Catalog catalog, SynonymMap synonyms) {
		this.catalog = catalog;
		this.analyzers = new Analyzers(synonyms);
		List<Category> categories = catalog.categories();
		try (IndexWriter writer = new IndexWriter(directory,
				new IndexWriterConfig(analyzers.index).setRAMBufferSizeMB(256))) {
			int questionOrd = 0;
			for (int ord = 0; ord < categories.size(); ord++) {
				for (Question question : categories.get(ord).questions()) {
					Document doc = document(question, ord);
					doc.add(new NumericDocValuesField(QUESTION_ORD, questionOrd++));
					writer.addDocument(doc);
				}
			}
			// read-only from here on: one segment searches fastest
			writer.forceMerge(1);
			writer.commit();
			this.reader = DirectoryReader.open(directory);
			this.byDoc = questionsByDoc(reader, catalog);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot build the search index", ex);
		}
		this.searcher = new IndexSearcher(reader);
		this.queries = new QueryFactory(analyzers, reader);
		this.highlighter = UnifiedHighlighter.builder(searcher, analyzers.index)
			.withFormatter(new SnippetFormatter())
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
			.withMaxNoHighlightPassages(1)
			.withMaxLength(100_000)
			.build();
		this.spelling = new Spelling(reader, analyzers);
		this.suggester = new Suggester(searcher, analyzers);
		this.moreLikeThis = moreLikeThis(reader, analyzers);
	}

	private static MoreLikeThis moreLikeThis(DirectoryReader reader, Analyzers analyzers) {
		MoreLikeThis moreLikeThis;
		try {
			moreLikeThis = new MoreLikeThis(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		moreLikeThis.setAnalyzer(analyzers.index);
		moreLikeThis.setFieldNames(new String[] { QUESTION, ANSWER });
		// small catalogs: a word that occurs once is still a good clue
		moreLikeThis.setMinTermFreq(1);
		moreLikeThis.setMinDocFreq(1);
		moreLikeThis.setMaxQueryTerms(25);
		moreLikeThis.setStopWords(Analyzers.QUERY_STOP_WORDS);
		moreLikeThis.setBoost(true);
		return moreLikeThis;
	}

	private static Document document(Question question, int categoryOrd) {
		Document doc = new Document();
		// category/id identifies the question; category alone is an exact-match filter.
		doc.add(new StringField(KEY, key(question), Field.Store.YES));
		doc.add(new StringField(CATEGORY, question.category(), Field.Store.NO));
		doc.add(new NumericDocValuesField(CATEGORY_ORD, categoryOrd));
		// Stored so that MoreLikeThis can read it back.
		doc.add(new TextField(QUESTION, question.text(), Field.Store.YES));
		doc.add(new TextField(QUESTION_WORDS, question.text(), Field.Store.NO));
		doc.add(new Field(QUESTION_PREFIX, question.text(), DOCS_ONLY));
		doc.add(new StringField(QUESTION_EXACT, normalize(question.text()), Field.Store.NO));
		if (question.section() != null) {
			doc.add(new TextField(SECTION, question.section(), Field.Store.NO));
		}
		// Stored so the highlighter can cut snippets from it.
		doc.add(new TextField(ANSWER, question.answerText(), Field.Store.YES));
		String all = question.text() + "\n" + question.answerText();
		doc.add(new Field(WORDS, all, DOCS_ONLY));
		doc.add(new Field(ALL, all + "\n" + (question.section() == null ? "" : question.section()), DOCS_ONLY));
		doc.add(new TextField(IDENT, String.join(" ", Identifiers.of(all)), Field.Store.NO));
		return doc;
	}

	/**
	 * Searches for any text a user typed; never throws for odd input (quotes, brackets, operators are
	 * just text here).
	 *
	 * @param category only this category, or {@code null} for all; facets always count all categories
	 */
	public SearchResults search(String text, String category, int offset, int limit) {
		String query = text == null ? "" : text.strip();
		QueryFactory.Planned planned = queries.create(query);
		if (planned == null) {
			return SearchResults.empty(query);
		}
		Query luceneQuery = planned.scored();
		int from = Math.max(0, offset);
		int wanted = Math.max(1, from + Math.max(1, limit));
		boolean filtered = category != null && !category.isBlank();
		try {
			// counting needs every match but no score: the one-field disjunction alone is fast
			long[] counts = searcher.search(new ConstantScoreQuery(planned.matches()),
					new CategoryCounter(catalog.categories().size()));
			long total = Arrays.stream(counts).sum();
			Query firstPass = planned.candidates();
			Query secondPass = luceneQuery;
			if (filtered) {
				int ord = categoryOrd(category);
				total = ord < 0 ? 0 : counts[ord];
				Query only = new TermQuery(new Term(CATEGORY, category));
				firstPass = new BooleanQuery.Builder().add(firstPass, Occur.MUST).add(only, Occur.FILTER).build();
			}
			TopDocs top = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
			if (total > 0) {
				// two passes: a fast ranking picks the candidates, the full ranking orders them. The total is
				// known, so the first pass need not count: Lucene skips documents that cannot make the top.
				int window = Math.max(RESCORE_WINDOW, wanted);
				TopDocs candidates = searcher.search(firstPass, new TopScoreDocCollectorManager(window, null, window));
				top = new QueryRescorer(secondPass) {
					@Override
					protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
						return secondPassMatches ? secondPassScore : 0;
					}
				}.rescore(searcher, candidates, wanted);
			}
			ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(from, top.scoreDocs.length),
					top.scoreDocs.length);
			String[] snippets = snippets(planned.highlight(), page);
			List<SearchHit> hits = new ArrayList<>();
			for (int i = 0; i < page.length; i++) {
				Question question = question(page[i].doc);
				hits.add(new SearchHit(question, catalog.category(question.category()).orElseThrow().title(),
						snippets[i], page[i].score));
			}
			return new SearchResults(query, total, from, hits, spelling.didYouMean(query), facets(counts));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Questions for a search box as the visitor types: the last word may be unfinished.
	 *
	 * @return at most {@code limit} questions, best first
	 */
	public List<Question> suggest(String text, int limit) {
		String query = text == null ? "" : text.stripLeading();
		if (query.length() <= SHORT_PREFIX) {
			// the first keystrokes match the most questions and are typed by everyone: answer them once
			if (shortSuggestions.size() > 10_000) {
				shortSuggestions.clear();
			}
			return shortSuggestions.computeIfAbsent(limit + ":" + query.toLowerCase(Locale.ROOT),
					key -> List.copyOf(findSuggestions(query, limit)));
		}
		return findSuggestions(query, limit);
	}

	private List<Question> findSuggestions(String query, int limit) {
		try {
			List<Question> found = new ArrayList<>();
			for (ScoreDoc doc : suggester.suggest(query, limit)) {
				found.add(question(doc.doc));
			}
			if (found.isEmpty() && !query.isBlank()) {
				// a typo in a finished word: the full search forgives it
				QueryFactory.Planned planned = queries.create(query.strip());
				if (planned != null) {
					for (ScoreDoc doc : searcher.search(planned.scored(), limit).scoreDocs) {
						found.add(question(doc.doc));
					}
				}
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Questions about the same things as {@code question} (never itself), computed once per question.
	 */
	public List<Question> related(Question question, int limit) {
		List<Question> all = related.computeIfAbsent(key(question), key -> findRelated(key));
		return all.subList(0, Math.min(limit, all.size()));
	}

	private List<Question> findRelated(String key) {
		try {
			TopDocs self = searcher.search(new TermQuery(new Term(KEY, key)), 1);
			if (self.scoreDocs.length == 0) {
				return List.of();
			}
			Query like;
			synchronized (moreLikeThis) {
				// MoreLikeThis keeps settings in fields; it is only read here, but guard it all the same
				like = moreLikeThis.like(self.scoreDocs[0].doc);
			}
			Query query = new BooleanQuery.Builder().add(like, Occur.MUST)
				.add(new TermQuery(new Term(KEY, key)), Occur.MUST_NOT)
				.build();
			List<Question> found = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(query, 10).scoreDocs) {
				found.add(question(doc.doc));
			}
			return List.copyOf(found);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Marks the words of {@code terms} in an answer's HTML, in text only: tags, attributes and the
	 * contents of {@code script}, {@code style} and {@code textarea} stay as they are. The terms themselves
	 * are never copied into the output.
	 */
	public String highlightAnswer(String answerHtml, String terms) {
		if (terms == null || terms.isBlank() || terms.length() > 256) {
			return answerHtml;
		}
		return AnswerMarker.mark(answerHtml, terms, analyzers);
	}

	private List<SearchResults.Facet> facets(long[] counts) {
		List<SearchResults.Facet> facets = new ArrayList<>();
		List<Category> categories = catalog.categories();
		for (int ord = 0; ord < counts.length; ord++) {
			if (counts[ord] > 0) {
				Category category = categories.get(ord);
				facets.add(new SearchResults.Facet(category.id(), category.title(), counts[ord]));
			}
		}
		facets.sort((a, b) -> Long.compare(b.count(), a.count()));
		return facets;
	}

	private int categoryOrd(String category) {
		List<Category> categories = catalog.categories();
		for (int ord = 0; ord < categories.size(); ord++) {
			if (categories.get(ord).id().equals(category)) {
				return ord;
			}
		}
		return -1;
	}

	private String[] snippets(Query query, ScoreDoc[] page) throws IOException {
		if (page.length == 0) {
			return new String[0];
		}
		TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
		Map<String, String[]> fields = highlighter.highlightFields(new String[] { ANSWER }, query, docs,
				new int[] { 1 });
		String[] snippets = fields.get(ANSWER);
		for (int i = 0; i < snippets.length; i++) {
			if (snippets[i] == null) {
				snippets[i] = "";
			}
		}
		return snippets;
	}

	private Question question(int doc) {
		return byDoc[doc];
	}

	private static Question[] questionsByDoc(DirectoryReader reader, Catalog catalog) throws IOException {
		List<Question> all = catalog.questions();
		Question[] questions = new Question[reader.maxDoc()];
		for (LeafReaderContext leaf : reader.leaves()) {
			NumericDocValues ords = leaf.reader().getNumericDocValues(QUESTION_ORD);
			for (int doc = ords.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ords.nextDoc()) {
				questions[leaf.docBase + doc] = all.get((int) ords.longValue());
			}
		}
		return questions;
	}

	private static String key(Question question) {
		return question.category() + "/" + question.id();
	}

	/** Lowercase words separated by single spaces: equal for texts that differ only in case and punctuation. */
	static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static FieldType docsOnly() {
		FieldType type = new FieldType();
		type.setIndexOptions(IndexOptions.DOCS);
		type.setTokenized(true);
		type.setOmitNorms(true);
		type.freeze();
		return type;
	}

	@Override
	public void close() throws IOException {
		reader.close();
		directory.close();
		analyzers.index.close();
		analyzers.query.close();
		analyzers.plain.close();
	}

}
