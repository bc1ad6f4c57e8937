package dev.faqkb.search;

import java.util.List;

/**
 * One page of results and the total number of matching questions.
 */
public record SearchResults(String query, long total, List<SearchHit> hits) {

	public static SearchResults empty(String query) {
		return new SearchResults(query, 0, List.of());
	}

}
