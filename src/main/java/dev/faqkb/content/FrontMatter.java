package dev.faqkb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The front matter of a category file, read into values.
 *
 * @param order {@link Integer#MAX_VALUE} when not given, so that such categories come
 * last
 * @param updated {@code null} when not given
 * @param redirects the {@code redirects:} entries as written (old id to target), in file
 * order, not yet checked
 */
record FrontMatter(String title, String description, int order, boolean draft, LocalDate updated,
		Map<String, YamlMapping.Entry> redirects) {

	static final Set<String> KEYS = new LinkedHashSet<>(
			List.of("title", "description", "order", "draft", "updated", "redirects"));

	FrontMatter {
		redirects = Collections.unmodifiableMap(new LinkedHashMap<>(redirects));
	}

	/**
	 * Reads the YAML between the {@code ---} lines, which starts on the file's second
	 * line. Every mistake is added to {@code errors}, and the value falls back to its
	 * default.
	 */
	static FrontMatter read(String yaml, Path file, List<ContentError> errors) {
		YamlMapping mapping = YamlMapping.parse(yaml, file, 1, KEYS, errors);
		String title = mapping.string("title", "");
		if (title.isEmpty() && mapping.has("title")) {
			errors.add(new ContentError(file, mapping.line("title"), "'title' must not be empty"));
		}
		else if (!mapping.has("title") && mapping.valid()) {
			errors.add(new ContentError(file, 1, "missing 'title' in front matter"));
		}
		String description = mapping.string("description", "");
		int order = mapping.integer("order", Integer.MAX_VALUE);
		boolean draft = mapping.bool("draft", false);
		LocalDate updated = null;
		String date = mapping.string("updated", null);
		if (date != null) {
			try {
				updated = LocalDate.parse(date);
			}
			catch (DateTimeParseException ex) {
				errors.add(new ContentError(file, mapping.line("updated"), "'updated' must be a date like 2024-05-31"));
			}
		}
		return new FrontMatter(title, description, order, draft, updated, mapping.stringMap("redirects"));
	}

}
