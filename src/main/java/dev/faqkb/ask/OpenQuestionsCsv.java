package dev.faqkb.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Open questions as CSV (RFC 4180), without e-mail addresses: the export is for reading the gaps in the FAQ,
 * and a file keeps an address after the question is closed. What readers typed may start like a formula, so
 * such a cell gets a leading {@code '}.
 */
final class OpenQuestionsCsv {

	private OpenQuestionsCsv() {
	}

	static String write(List<OpenQuestions.OpenQuestion> questions) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("asked_at", "status", "question", "search", "asked_from", "answered_by", "closed_at"));
		for (OpenQuestions.OpenQuestion q : questions) {
			rows.add(List.of(q.askedAt(), q.status(), q.question(), text(q.search()), text(q.askedFrom()),
					text(q.answeredBy()), q.closedAt() == null ? "" : q.closedAt()));
		}
		return rows.stream()
			.map(row -> row.stream().map(OpenQuestionsCsv::cell).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
	}

	private static String text(String value) {
		return Objects.requireNonNullElse(value, "");
	}

	static String cell(Object value) {
		String text = String.valueOf(value);
		if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
