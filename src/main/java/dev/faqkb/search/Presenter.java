package dev.faqkb.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.system.PlainText;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Turns one page of a ranking into what a reader sees: each question with its category
 * title and a snippet of its answer, the facets, and "Did you mean". Thread-safe: it only
 * reads.
 */
final class Presenter {

	/** Snippets aim at about this many characters around the best match. */
	static final int SNIPPET_LENGTH = 240;

	private final Catalog catalog;

	private final Ordinals ordinals;

	private final Spelling spelling;

	private final UnifiedHighlighter highlighter;

	Presenter(Catalog catalog, Ordinals ordinals, Spelling spelling, IndexSearcher searcher, Analyzers analyzers,
			QueryBudget budget) {
		this.catalog = catalog;
		this.ordinals = ordinals;
		this.spelling = spelling;
		this.highlighter = new AnswersInMemory(UnifiedHighlighter.builder(searcher, analyzers.index)
			.withFormatter(new SnippetFormatter())
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
			.withMaxNoHighlightPassages(1)
			.withMaxLength(budget.maxMarkedChars()), ordinals, budget);
	}

	/**
	 * @param query the query as typed (trimmed)
	 * @param highlight the words to mark in snippets
	 * @param counts matching questions per category (by position in the catalog)
	 * @param total the matches counted for this page's filter
	 * @param offset how many results come before this page
	 * @param page the ranking's entries for this page, best first
	 * @param match how the question of an ordinal matched
	 */
	SearchResults present(String query, Query highlight, long[] counts, long total, int offset,
			List<ScoredQuestion> page, IntFunction<Match> match) throws IOException {
		String[] snippets = snippets(highlight, page);
		List<SearchHit> hits = new ArrayList<>(page.size());
		for (int i = 0; i < page.size(); i++) {
			Question question = ordinals.question(page.get(i).ordinal());
			hits.add(new SearchHit(question, catalog.category(question.category()).orElseThrow().title(), snippets[i],
					page.get(i).score(), match.apply(page.get(i).ordinal())));
		}
		return new SearchResults(query, total, offset, hits, spelling.didYouMean(query), facets(counts));
	}

	private String[] snippets(Query highlight, List<ScoredQuestion> page) throws IOException {
		if (page.isEmpty()) {
			return new String[0];
		}
		ScoreDoc[] docs = new ScoreDoc[page.size()];
		for (int i = 0; i < docs.length; i++) {
			docs[i] = new ScoreDoc(ordinals.doc(page.get(i).ordinal()), page.get(i).score());
		}
		TopDocs top = new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
		Map<String, String[]> fields = highlighter.highlightFields(new String[] { IndexSchema.ANSWER }, highlight, top,
				new int[] { 1 });
		String[] snippets = fields.get(IndexSchema.ANSWER);
		for (int i = 0; i < snippets.length; i++) {
			if (snippets[i] == null) {
				snippets[i] = "";
			}
		}
		return snippets;
	}

	/**
	 * Lucene's highlighter, reading each answer's text from its question, which the
	 * catalog holds in memory for the snapshot, rather than decompressing the stored
	 * field for each result shown; the words' offsets come from the index postings.
	 */
	private static final class AnswersInMemory extends UnifiedHighlighter {

		private final Ordinals ordinals;

		private final QueryBudget budget;

		AnswersInMemory(UnifiedHighlighter.Builder builder, Ordinals ordinals, QueryBudget budget) {
			super(builder);
			this.ordinals = ordinals;
			this.budget = budget;
		}

		@Override
		protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
				throws IOException {
			List<CharSequence[]> values = new ArrayList<>();
			for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
				CharSequence[] texts = new CharSequence[fields.length];
				for (int i = 0; i < fields.length; i++) {
					if (!IndexSchema.ANSWER.equals(fields[i])) {
						throw new IllegalArgumentException("snippets are cut from answers only, not " + fields[i]);
					}
					// what the index stores of it (IndexSchema), without reading it back
					texts[i] = PlainText.cut(ordinals.questionOfDoc(doc).answerText(), budget.maxMarkedChars());
				}
				values.add(texts);
			}
			return values;
		}

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

}
