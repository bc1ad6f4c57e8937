package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lucene index of one catalog snapshot. Built once, then read-only: the index never
 * changes after construction, so one {@link IndexSearcher} is shared by all threads (no
 * SearcherManager needed; a content change builds a whole new index). Every method is
 * thread-safe.
 * <p>
 * A search runs as named steps over rankings of {@link ScoredQuestion}: the lexical
 * retriever counts and ranks the matches; once {@link #useVectors vectors} are given, the
 * {@link HybridRanking} blends in the questions nearest in meaning ({@link Fusion});
 * {@link Relevance} keeps the results near the best; a page is cut, and the
 * {@link Presenter} adds snippets, facets, "Did you mean" and how each result matched.
 */
public final class SearchIndex implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private final Catalog catalog;

	private final Analyzers analyzers;

	/**
	 * Each file as one buffer once written, not Lucene's default list of blocks (1 KB and
	 * growing, up to 100 of them): every term a query looks up clones the terms file, and
	 * cloning a list of blocks duplicates each block's buffer, which was 40 % of a new
	 * suggestion's CPU and much of a search's (bench/README.md, "Cold path"). The index
	 * is written once and only read after, so a file is copied once into its buffer.
	 */
	private final ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
			ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);

	private final DirectoryReader reader;

	private final QueryFactory queries;

	private final LexicalRetriever lexical;

	private final Ordinals ordinals;

	private final Presenter presenter;

	private final Suggester suggester;

	private final RelatedQuestions related;

	private final Relevance relevance;

	// per question ordinal, whether it is shown in another language than the catalog's
	// (not translated yet); null
	// when every question is in the catalog's language
	private final boolean[] untranslated;

	/** Bounds the work of every query, whatever the visitor typed. */
	private final QueryBudget budget = QueryBudget.DEFAULT;

	// null until the vectors of this catalog are ready: search is lexical until then
	private volatile Semantic semantic;

	// a translation's original (null for the default language), whose vectors rank the
	// translation's answers by meaning through its words carried into the original's
	private final SearchIndex original;

	private final WordTranslation words;

	// per question ordinal, its original's ordinal in the original's index
	private final int[] originalOrdinal;

	private final Blend translatedBlend;

	// the meaning side made of the original's, and the original's it was made of
	private volatile Borrowed borrowed;

	private volatile boolean modelFailedOnce;

	public SearchIndex(Catalog catalog) {
		this(catalog, null);
	}

	/**
	 * An index whose text is analysed as the catalog's language
	 * ({@link Catalog#language}): each language is searched as that language.
	 * @param synonyms applied to queries, or {@code null} for none (see
	 * {@link Synonyms#read})
	 */
	public SearchIndex(Catalog catalog, SynonymMap synonyms) {
		this(catalog, synonyms, null, Blend.TRANSLATED);
	}

	/**
	 * A translation's index, ranked by meaning through its original's: once
	 * {@code original} ranks by meaning ({@link #useVectors}), a query here is carried
	 * into the original's words ({@link WordTranslation}, learnt from the two catalogs
	 * when this index is built) and its embedding compared with the original answers'
	 * vectors, each standing for its translation; the ranking is blended with this
	 * index's own words. Its own {@link #useVectors}, if called, take precedence.
	 * @param synonyms applied to queries, or {@code null} for none
	 * @param original the index of the catalog {@code catalog} translates
	 */
	public SearchIndex(Catalog catalog, SynonymMap synonyms, SearchIndex original) {
		this(catalog, synonyms, original, Blend.TRANSLATED);
	}

	SearchIndex(Catalog catalog, SynonymMap synonyms, SearchIndex original, Blend translatedBlend) {
		this.catalog = catalog;
		this.analyzers = new Analyzers(synonyms, LanguageAnalysis.of(catalog.language()));
		this.reader = build(catalog, analyzers, directory, budget);
		IndexSearcher searcher = new IndexSearcher(reader);
		this.ordinals = new Ordinals(reader, catalog);
		this.queries = new QueryFactory(analyzers, new Vocabulary(reader, analyzers),
				new Typos(reader, IndexSchema.ALL, budget), budget);
		this.lexical = new LexicalRetriever(searcher, ordinals, catalog.categories().size());
		this.presenter = new Presenter(catalog, ordinals, new Spelling(reader, analyzers, budget, this::bestScore),
				searcher, analyzers, budget);
		this.suggester = new Suggester(searcher, analyzers, queries, ordinals, budget);
		this.related = new RelatedQuestions(searcher, ordinals, analyzers);
		this.untranslated = untranslated(catalog);
		this.relevance = new Relevance(ordinals);
		this.original = original;
		this.translatedBlend = translatedBlend;
		this.words = original == null ? null
				: WordTranslation.learn(catalog, analyzers, original.catalog, original.analyzers);
		this.originalOrdinal = original == null ? null : originalOrdinals(catalog, original.catalog);
	}

	/** Each question's original's position in the original's catalog, or -1. */
	private static int[] originalOrdinals(Catalog catalog, Catalog original) {
		Map<String, Integer> byAddress = new HashMap<>();
		List<Question> originals = original.questions();
		for (int ordinal = 0; ordinal < originals.size(); ordinal++) {
			byAddress.put(IndexSchema.key(originals.get(ordinal)), ordinal);
		}
		List<Question> questions = catalog.questions();
		int[] ordinals = new int[questions.size()];
		for (int ordinal = 0; ordinal < ordinals.length; ordinal++) {
			Question question = questions.get(ordinal);
			ordinals[ordinal] = byAddress.getOrDefault(IndexSchema.key(question), -1);
		}
		return ordinals;
	}

	/**
	 * The meaning side: this index's own vectors, else its original's borrowed (made once
	 * per vectors of the original), else none.
	 */
	private Semantic meaning() {
		Semantic own = semantic;
		if (own != null || original == null) {
			return own;
		}
		Semantic theirs = original.semantic;
		if (theirs == null) {
			return null;
		}
		Borrowed made = borrowed;
		if (made == null || made.from() != theirs) {
			Vectors vectors = theirs.retriever().vectors();
			float[][] byOrdinal = new float[originalOrdinal.length][];
			for (int ordinal = 0; ordinal < byOrdinal.length; ordinal++) {
				// a question without an original (none, as translations are loaded) is
				// similar to nothing
				byOrdinal[ordinal] = originalOrdinal[ordinal] < 0 ? new float[vectors.vector(0).length]
						: vectors.vector(originalOrdinal[ordinal]);
			}
			Function<String, float[]> encoder = theirs.retriever().encoder();
			SemanticRetriever retriever = new SemanticRetriever(Vectors.of(byOrdinal),
					query -> encoder.apply(words.translate(query)));
			made = new Borrowed(theirs,
					new Semantic(retriever, new HybridRanking(ordinals, lexical, retriever, translatedBlend)));
			borrowed = made;
		}
		return made.semantic();
	}

	private record Borrowed(Semantic from, Semantic semantic) {
	}

	/** The query as the original's words, for tests of the translation. */
	String translated(String query) {
		return words == null ? query : words.translate(query);
	}

	private static boolean[] untranslated(Catalog catalog) {
		List<Question> questions = catalog.questions();
		boolean[] untranslated = new boolean[questions.size()];
		boolean any = false;
		for (int ordinal = 0; ordinal < untranslated.length; ordinal++) {
			untranslated[ordinal] = !questions.get(ordinal).lang().equals(catalog.language());
			any |= untranslated[ordinal];
		}
		return any ? untranslated : null;
	}

	/**
	 * A translation's answers before those it shows untranslated, each group in its
	 * order: a reader searching in French finds the French answers first, then the
	 * others.
	 */
	private List<ScoredQuestion> translatedFirst(List<ScoredQuestion> ranked) {
		if (untranslated == null) {
			return ranked;
		}
		List<ScoredQuestion> sorted = new java.util.ArrayList<>(ranked);
		// stable: each group keeps its ranking
		sorted.sort(java.util.Comparator.comparing(entry -> untranslated[entry.ordinal()]));
		return sorted;
	}

	/** Every question of the catalog, in catalog order, in one merged segment. */
	private static DirectoryReader build(Catalog catalog, Analyzers analyzers, ByteBuffersDirectory directory,
			QueryBudget budget) {
		List<Category> categories = catalog.categories();
		try (IndexWriter writer = new IndexWriter(directory,
				new IndexWriterConfig(analyzers.index).setRAMBufferSizeMB(256))) {
			int questionOrd = 0;
			for (int categoryOrd = 0; categoryOrd < categories.size(); categoryOrd++) {
				for (Question question : categories.get(categoryOrd).questions()) {
					writer.addDocument(IndexSchema.document(question, categoryOrd, questionOrd++, budget));
				}
			}
			// read-only from here on: one segment searches fastest
			writer.forceMerge(1);
			writer.commit();
			return DirectoryReader.open(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot build the search index", ex);
		}
	}

	/**
	 * Searches for any text a user typed; never throws for odd input (quotes, brackets,
	 * operators are just text here).
	 * @param category only this category, or {@code null} for all; facets always count
	 * all categories
	 */
	public SearchResults search(String text, String category, int offset, int limit) {
		String query = text == null ? "" : text.strip();
		QueryFactory.Planned planned = queries.create(query);
		if (planned == null) {
			return SearchResults.empty(query);
		}
		Semantic meaning = meaning();
		if (meaning != null) {
			// the model's part runs beside the words' part (what hybrid() embeds)
			meaning.retriever().embedAhead(budget.cut(query));
		}
		String only = category == null || category.isBlank() ? null : category;
		int from = Math.max(0, offset);
		int to = Math.max(1, from + Math.max(1, limit));
		try {
			CategoryCounter.Counted matches = lexical.count(planned);
			long[] counts = matches.counts();
			// ranked over every category, so that where relevance stops, and with it the
			// facets, does not depend on the filter
			Ranking all = rank(planned, query, counts, null, to);
			Relevance.Kept kept = relevance.keep(all.entries(), all.lexical(), matches.everyWord(), all.match(),
					countIn(all.counts(), null));
			if (kept != null) {
				List<ScoredQuestion> results = only == null ? kept.ranking() : inCategory(kept.ranking(), only);
				return presenter.present(query, planned.highlight(), kept.counts(), countIn(kept.counts(), only), from,
						page(translatedFirst(results), from, to), all.match());
			}
			// every match is a result: in a category, those beyond the window too
			Ranking shown = only == null ? all : rank(planned, query, counts, only, to);
			return presenter.present(query, planned.highlight(), shown.counts(), countIn(shown.counts(), only), from,
					page(translatedFirst(shown.entries()), from, to), shown.match());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lexical ranking, blended with meaning once vectors are ready.
	 * @param counts the lexical matches per category
	 * @param only only this category, or {@code null}
	 */
	private Ranking rank(QueryFactory.Planned planned, String query, long[] counts, String only, int to)
			throws IOException {
		List<ScoredQuestion> ranked = countIn(counts, only) == 0 ? List.of() : lexical.rank(planned, only, to);
		Semantic meaning = meaning();
		long[] withMeaning = counts.clone();
		HybridRanking.Result hybrid = meaning == null ? null
				: hybrid(meaning, query, planned, ranked, withMeaning, only);
		if (hybrid == null) {
			return new Ranking(ranked, ranked, ordinal -> Match.LEXICAL, counts);
		}
		return new Ranking(ranked, hybrid.ranking(), ordinal -> meaning.hybrid().match(ordinal, hybrid), withMeaning);
	}

	/**
	 * @param lexical the lexical ranking
	 * @param entries the ranking shown: the lexical one, or its blend with meaning
	 * @param match how each question matched
	 * @param counts the matches per category, those found by meaning alone included
	 */
	private record Ranking(List<ScoredQuestion> lexical, List<ScoredQuestion> entries, IntFunction<Match> match,
			long[] counts) {
	}

	private List<ScoredQuestion> inCategory(List<ScoredQuestion> ranking, String category) {
		return ranking.stream()
			.filter(entry -> ordinals.question(entry.ordinal()).category().equals(category))
			.toList();
	}

	/**
	 * Words and meaning, or {@code null} when the model refuses the text: its words still
	 * answer it (warned once).
	 */
	private HybridRanking.Result hybrid(Semantic meaning, String query, QueryFactory.Planned planned,
			List<ScoredQuestion> ranked, long[] withMeaning, String only) throws IOException {
		try {
			// the vector side reads what the words side reads: the budget's first
			// characters
			return meaning.hybrid().rank(budget.cut(query), planned, ranked, withMeaning, only);
		}
		catch (RuntimeException modelFailed) {
			if (!modelFailedOnce) {
				modelFailedOnce = true;
				log.warn("Semantic search: cannot embed a query, it is answered by its words ({})",
						modelFailed.toString());
			}
			return null;
		}
	}

	/**
	 * Adds the meaning side to search and related questions: from now on this index ranks
	 * by words and meaning. Called once, when the vectors of this catalog are ready
	 * (startup never waits for them).
	 * @param vectors one unit-length vector per question of the catalog, in
	 * {@code Catalog.questions()} order
	 * @param encoder a query's unit-length embedding, by the model that made
	 * {@code vectors}; thread-safe
	 */
	public void useVectors(Vectors vectors, Function<String, float[]> encoder) {
		useVectors(vectors, encoder, Blend.DEFAULT);
	}

	/**
	 * As {@link #useVectors(Vectors, Function)} with another blend, to measure blends on
	 * labelled queries.
	 */
	void useVectors(Vectors vectors, Function<String, float[]> encoder, Blend blend) {
		if (vectors.size() != catalog.questions().size()) {
			throw new IllegalArgumentException(
					vectors.size() + " vectors for " + catalog.questions().size() + " questions");
		}
		SemanticRetriever retriever = new SemanticRetriever(vectors, encoder);
		this.semantic = new Semantic(retriever, new HybridRanking(ordinals, lexical, retriever, blend));
	}

	/** Whether search ranks by meaning too (the vectors are ready). */
	public boolean semanticReady() {
		return meaning() != null;
	}

	private record Semantic(SemanticRetriever retriever, HybridRanking hybrid) {
	}

	private long countIn(long[] counts, String category) {
		if (category == null) {
			return Arrays.stream(counts).sum();
		}
		List<Category> categories = catalog.categories();
		for (int ord = 0; ord < categories.size(); ord++) {
			if (categories.get(ord).id().equals(category)) {
				return counts[ord];
			}
		}
		return 0;
	}

	/**
	 * Entries {@code from} (inclusive) to {@code to} (exclusive) of a ranking, as many as
	 * it has.
	 */
	private static List<ScoredQuestion> page(List<ScoredQuestion> ranked, int from, int to) {
		return ranked.subList(Math.min(from, ranked.size()), Math.min(to, ranked.size()));
	}

	/**
	 * The score of the best answer to {@code text} by its words, 0 when nothing matches:
	 * how "Did you mean" compares a respelled query with the query without its misspelled
	 * words.
	 */
	private double bestScore(String text) {
		QueryFactory.Planned planned = queries.create(text);
		try {
			return planned == null ? 0 : lexical.bestScore(planned);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Questions for a search box as the visitor types: the last word may be unfinished.
	 * @return at most {@code limit} questions, best first
	 */
	public List<Question> suggest(String text, int limit) {
		return suggester.suggest(text, limit);
	}

	/**
	 * Questions about the same things as {@code question} (never itself), computed once
	 * per question.
	 */
	public List<Question> related(Question question, int limit) {
		Semantic meaning = meaning();
		return related.of(question, limit, meaning == null ? null : meaning.retriever());
	}

	/**
	 * Marks the words of {@code terms} in an answer's HTML, in text only: tags,
	 * attributes and the contents of {@code script}, {@code style} and {@code textarea}
	 * stay as they are. The terms themselves are never copied into the output. Within the
	 * {@link QueryBudget}: the words of the terms' first characters, in the answer's
	 * first characters.
	 * @return the answer with its marks; {@code answerHtml} itself when no word is marked
	 */
	public String highlightAnswer(String answerHtml, String terms) {
		if (terms == null || terms.isBlank()) {
			return answerHtml;
		}
		return AnswerMarker.mark(answerHtml, terms, analyzers, budget);
	}

	/**
	 * The answer with the words of {@code terms} marked, as {@link #highlightAnswer}, or
	 * empty when none of them is marked in it: the page without marks is then the one to
	 * show.
	 */
	public Optional<String> markedAnswer(String answerHtml, String terms) {
		String marked = highlightAnswer(answerHtml, terms);
		return marked == answerHtml ? Optional.empty() : Optional.of(marked);
	}

	/** How queries are built, for tests of their work. */
	QueryFactory queryFactory() {
		return queries;
	}

	/** How suggestions are found, for tests of their work. */
	Suggester suggester() {
		return suggester;
	}

	@Override
	public void close() throws IOException {
		reader.close();
		directory.close();
		analyzers.close();
	}

}
