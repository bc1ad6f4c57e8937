package dev.faqkb.insights;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.faqkb.system.PlainText;

/**
 * The insights lists as CSV (RFC 4180). Queries and comments are what visitors typed, so control characters are
 * dropped and a cell that a spreadsheet would run as a formula is prefixed with {@code '}.
 */
final class InsightsCsv {

	/** What starts a formula in Excel, LibreOffice or Google Sheets; U+2212 is the minus sign some of them accept. */
	private static final String FORMULA_SIGNS = "=+-@\u2212";

	static final List<String> REPORTS = List.of("top-searches", "no-results", "unopened-searches", "most-no-votes",
			"comments", "most-viewed", "least-viewed", "categories", "daily");

	private InsightsCsv() {
	}

	static String write(Insights insights, String report) {
		List<List<Object>> rows = new ArrayList<>();
		switch (report) {
			case "top-searches", "no-results", "unopened-searches" -> {
				rows.add(List.of("query", "searches", "results", "opened"));
				List<Insights.SearchCount> list = report.equals("top-searches") ? insights.topSearches()
						: report.equals("no-results") ? insights.noResults() : insights.unopened();
				list.forEach(s -> rows.add(List.of(s.query(), s.searches(), s.results(), s.opened())));
			}
			case "most-no-votes" -> {
				rows.add(List.of("category", "id", "question", "yes", "no"));
				insights.mostNo().forEach(a -> rows.add(List.of(a.category(), a.id(), text(a.question()), a.yes(), a.no())));
			}
			case "comments" -> {
				rows.add(List.of("category", "id", "day", "helpful", "comment"));
				insights.mostNo()
					.forEach(a -> a.comments()
						.forEach(c -> rows.add(List.of(a.category(), a.id(), c.day(), c.helpful() ? "yes" : "no", c.text()))));
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
		return rows.stream()
			.map(row -> row.stream().map(InsightsCsv::cell).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	static String cell(Object value) {
		String text = String.valueOf(value);
		if (value instanceof String) {
			text = PlainText.withoutControlCharacters(text);
			if (startsFormula(text)) {
				text = "'" + text;
			}
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/**
	 * Whether a spreadsheet could read {@code text} as a formula: a tab, or a formula sign after any leading
	 * spaces (no-break and ideographic ones too, which spreadsheets also skip). NFKC folds the fullwidth and small
	 * forms ({@code ＝ ＋ － ＠ ﹦}) that spreadsheets in East Asian locales accept, into the ASCII signs.
	 */
	private static boolean startsFormula(String text) {
		if (text.startsWith("\t")) {
			return true;
		}
		int i = 0;
		while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i)))) {
			i++;
		}
		if (i == text.length()) {
			return false;
		}
		String first = Normalizer.normalize(text.substring(i, text.offsetByCodePoints(i, 1)), Normalizer.Form.NFKC);
		return !first.isEmpty() && FORMULA_SIGNS.indexOf(first.charAt(0)) >= 0;
	}

}
