package dev.faqkb.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.faqkb.system.Csv;

/**
 * Open questions as CSV, without e-mail addresses: the export is for reading the gaps in
 * the FAQ, and a file keeps an address after the question is closed. {@link Csv} makes
 * what readers typed safe to open in a spreadsheet.
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
		return Csv.write(rows);
	}

	private static String text(String value) {
		return Objects.requireNonNullElse(value, "");
	}

}
