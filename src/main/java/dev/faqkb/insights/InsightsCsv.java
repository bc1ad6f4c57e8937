package dev.faqkb.insights;

import java.util.ArrayList;
import java.util.List;

import dev.faqkb.system.Csv;

/**
 * The insights lists as CSV, written by {@link Csv}, which makes the queries and comments
 * visitors typed safe to open in a spreadsheet.
 */
final class InsightsCsv {

	static final List<String> REPORTS = List.of("top-searches", "no-results", "unopened-searches", "most-no-votes",
			"comments", "most-viewed", "least-viewed", "categories", "daily");

	private InsightsCsv() {
	}

	static String write(Insights insights, String report) {
		List<List<Object>> rows = new ArrayList<>();
		switch (report) {
			case "top-searches", "no-results", "unopened-searches" -> {
				// language: empty for the default language, the translation's tag
				// otherwise
				rows.add(List.of("query", "searches", "results", "opened", "language"));
				List<Insights.SearchCount> list = report.equals("top-searches") ? insights.topSearches()
						: report.equals("no-results") ? insights.noResults() : insights.unopened();
				list.forEach(s -> rows.add(List.of(s.query(), s.searches(), s.results(), s.opened(),
						s.language() == null ? "" : s.language())));
			}
			case "most-no-votes" -> {
				rows.add(List.of("category", "id", "question", "yes", "no"));
				insights.mostNo()
					.forEach(a -> rows.add(List.of(a.category(), a.id(), text(a.question()), a.yes(), a.no())));
			}
			case "comments" -> {
				rows.add(List.of("category", "id", "day", "helpful", "comment"));
				insights.mostNo()
					.forEach(a -> a.comments()
						.forEach(c -> rows
							.add(List.of(a.category(), a.id(), c.day(), c.helpful() ? "yes" : "no", c.text()))));
			}
			case "most-viewed", "least-viewed" -> {
				rows.add(List.of("category", "id", "question", "views"));
				(report.equals("most-viewed") ? insights.mostViewed() : insights.leastViewed())
					.forEach(v -> rows.add(List.of(v.category(), v.id(), text(v.question()), v.views())));
			}
			case "categories" -> {
				rows.add(List.of("category", "title", "yes", "no", "helpful_percent"));
				insights.categories()
					.forEach(c -> rows.add(List.of(c.category(), text(c.title()), c.yes(), c.no(),
							c.helpfulPercent() == null ? "" : c.helpfulPercent())));
			}
			case "daily" -> {
				rows.add(List.of("day", "searches", "votes"));
				insights.daily().forEach(d -> rows.add(List.of(d.day(), d.searches(), d.votes())));
			}
			default -> throw new IllegalArgumentException("Unknown report " + report);
		}
		return Csv.write(rows);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
