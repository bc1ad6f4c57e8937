package dev.faqkb.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads one category file: its name as the id, the front matter between the {@code ---}
 * lines, and the outline of the Markdown after them.
 */
final class CategoryParser {

	private final MarkdownRenderer markdown;

	private final boolean showDrafts;

	CategoryParser(MarkdownRenderer markdown, boolean showDrafts) {
		this.markdown = markdown;
		this.showDrafts = showDrafts;
	}

	/**
	 * @param errors where every mistake found is added
	 * @return empty when the file cannot be read as a category at all (the errors say
	 * why)
	 */
	Optional<ParsedCategory> parse(Path file, List<ContentError> errors) {
		String id = ContentFolder.categoryId(file);
		if (!Slugs.isValidId(id)) {
			errors.add(new ContentError(file, 0,
					"the file name must be a valid id (letters, digits, '-' and '_'), as it becomes the category's address"));
			return Optional.empty();
		}
		String text = ContentFolder.read(file, errors);
		if (text == null) {
			return Optional.empty();
		}
		if (!StandardCharsets.UTF_8.newEncoder().canEncode(text) || text.indexOf('\uFFFD') >= 0) {
			errors.add(new ContentError(file, 0, "not valid UTF-8 text"));
			return Optional.empty();
		}
		String[] lines = text.split("\n", -1);
		if (!lines[0].strip().equals("---")) {
			errors.add(new ContentError(file, 1,
					"missing front matter: start the file with a '---' line, 'title: ...', and another '---' line"));
			return Optional.empty();
		}
		int close = 1;
		while (close < lines.length && !lines[close].strip().equals("---")) {
			close++;
		}
		if (close == lines.length) {
			errors.add(new ContentError(file, 1, "front matter is not closed by a '---' line"));
			return Optional.empty();
		}
		FrontMatter frontMatter = FrontMatter.read(String.join("\n", Arrays.copyOfRange(lines, 1, close)), file,
				errors);
		String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
		// The body starts on the line after the closing '---' (0-based close, so 1-based
		// close + 2).
		Outline outline = OutlineReader.read(markdown.parse(body, close + 2), file, showDrafts, errors);
		return Optional.of(new ParsedCategory(file, id, frontMatter, outline));
	}

}
