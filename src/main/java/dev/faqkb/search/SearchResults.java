package dev.faqkb.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param query the query as typed (trimmed)
 * @param total how many results there are (in the category, when one was asked for):
 * where relevance stops ({@link Relevance}), not every question that shares a word with
 * the query
 * @param offset how many results come before this page
 * @param hits this page
 * @param didYouMean a respelled query that finds clearly better answers, or {@code null}
 * @param facets results per category, counted as {@code total} is, for every category
 * with any, whatever the category filter
 */
public record SearchResults(String query, long total, int offset, List<SearchHit> hits, String didYouMean,
		List<Facet> facets) {

	public SearchResults {
		hits = List.copyOf(hits);
		facets = List.copyOf(facets);
	}

	public static SearchResults empty(String query) {
		return new SearchResults(query, 0, 0, List.of(), null, List.of());
	}

	/** The number of results in one category. */
	public record Facet(String category, String title, long count) {
	}

}
