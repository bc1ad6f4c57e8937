package dev.faqkb.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the insights page shows for one period; also the JSON of
 * {@code /api/admin/insights}.
 *
 * @param days length of the period in days ({@link dev.faqkb.site.Period})
 * @param from first day of the period (UTC), inclusive
 * @param to last day of the period (UTC), today
 * @param topSearches the most frequent searches
 * @param noResults searches that found nothing: the content gaps
 * @param unopened searches that found answers, none of which was opened
 * @param mostNo answers with the most "No" votes, with their comments
 * @param mostViewed the most viewed answers
 * @param leastViewed the least viewed answers of the current content, unviewed ones first
 * @param categories votes per category
 * @param daily searches and votes per day, every day of the period
 */
record Insights(int days, LocalDate from, LocalDate to, Totals totals, List<SearchCount> topSearches,
		List<SearchCount> noResults, List<SearchCount> unopened, List<AnswerVotes> mostNo, List<AnswerViews> mostViewed,
		List<AnswerViews> leastViewed, List<CategoryVotes> categories, List<DayCount> daily) {

	record Totals(long searches, long searchesWithoutResults, long votes, long yes, long no, long views) {
	}

	/**
	 * @param query the normalized query
	 * @param searches how often it was searched
	 * @param results how many answers it found (the most, over the period)
	 * @param opened how many of those searches led to an opened result
	 * @param language the translation it was searched in ({@code fr}), {@code null} for
	 * the default language: the same words searched in two languages are two rows
	 */
	record SearchCount(String query, long searches, long results, long opened, String language) {

		/** The address of the same search, in its language. */
		public String searchPath() {
			return (language == null ? "" : "/" + language) + "/search";
		}

	}

	/**
	 * @param question the question text, or {@code null} when it is no longer in the
	 * content
	 * @param url where the answer is now (its page, or where its old id redirects);
	 * {@code null} when it is gone
	 */
	record AnswerVotes(String category, String id, String question, String url, long yes, long no,
			List<Comment> comments) {
	}

	record Comment(LocalDate day, boolean helpful, String text) {
	}

	/**
	 * @param question the question text, or {@code null} when it is no longer in the
	 * content
	 * @param url where the answer is now (its page, or where its old id redirects);
	 * {@code null} when it is gone
	 */
	record AnswerViews(String category, String id, String question, String url, long views) {
	}

	/**
	 * @param helpfulPercent share of "Yes" votes, or {@code null} without votes
	 */
	record CategoryVotes(String category, String title, long yes, long no, Integer helpfulPercent) {
	}

	record DayCount(LocalDate day, long searches, long votes) {
	}

}
