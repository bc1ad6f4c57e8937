package dev.faqkb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where each category file is in the content folder, for "Edit this page", and when each
 * answer last changed, from git ({@link GitHistory}).
 *
 * @param paths each category file's path in the content folder, with {@code /}
 * ({@code general.md})
 * @param answerDates the date each answer last changed, by {@link #answer}; empty when
 * the folder is in no git work tree
 */
record Sources(Map<Path, String> paths, Map<String, LocalDate> answerDates) {

	static final Sources NONE = new Sources(Map.of(), Map.of());

	Sources {
		paths = Map.copyOf(paths);
		answerDates = Map.copyOf(answerDates);
	}

	/**
	 * What an answer's date is kept by: its file (a translation's own) and its question's
	 * id.
	 */
	static String answer(Path file, String id) {
		return file + "#" + id;
	}

}
