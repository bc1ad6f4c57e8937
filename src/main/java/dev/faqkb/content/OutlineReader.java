package dev.faqkb.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the headings of a category body into its {@link Outline}: {@code #} starts a
 * section, {@code ##} a question whose answer runs to the next of either (deeper headings
 * belong to the answer). A question's id is its {@code {#id}} or the slug of its text,
 * and {@code {.draft}} marks it a draft.
 */
final class OutlineReader {

	private final Path file;

	private final boolean showDrafts;

	private final List<ContentError> errors;

	private OutlineReader(Path file, boolean showDrafts, List<ContentError> errors) {
		this.file = file;
		this.showDrafts = showDrafts;
		this.errors = errors;
	}

	/**
	 * @param file the category file, for errors
	 * @param showDrafts whether draft questions stay in the outline
	 * @param errors where mistakes are added, in the order of the file
	 */
	static Outline read(MarkdownDocument document, Path file, boolean showDrafts, List<ContentError> errors) {
		return new OutlineReader(file, showDrafts, errors).read(document);
	}

	private Outline read(MarkdownDocument document) {
		List<MarkdownBlock> blocks = document.blocks();
		List<MarkdownBlock> intro = new ArrayList<>();
		List<SectionParts> sections = new ArrayList<>(List.of(new SectionParts(null, null)));
		Map<String, Integer> idLines = new HashMap<>();
		boolean draftsLeftOut = false;
		int next = following(blocks, 0, intro);
		while (next < blocks.size()) {
			MarkdownBlock heading = blocks.get(next);
			List<MarkdownBlock> body = new ArrayList<>();
			next = following(blocks, next + 1, body);
			SectionParts section = sections.get(sections.size() - 1);
			if (heading.heading().level() == 1) {
				sections.add(section(heading, body));
				continue;
			}
			int bodyEnd = next < blocks.size() ? blocks.get(next).start() : document.markdown().length();
			Outline.Question question = question(heading, body, idLines,
					withoutBlankLinesAround(document.markdown(), heading.end(), bodyEnd));
			if (question == null) {
				// A faulty question heading starts no answer: what follows it is read as
				// intro, and checked as such.
				(section.title != null ? section.intro : intro).addAll(body);
			}
			else if (showDrafts || !question.draft()) {
				section.questions.add(question);
			}
			else {
				draftsLeftOut = true;
			}
		}
		Set<String> questionIds = new LinkedHashSet<>();
		Set<String> sectionIds = new LinkedHashSet<>();
		for (SectionParts section : sections) {
			section.questions.forEach(question -> questionIds.add(question.id()));
			if (section.id != null) {
				sectionIds.add(section.id);
			}
		}
		return new Outline(document, intro,
				sections.stream().map(s -> new Outline.Section(s.id, s.title, s.intro, s.questions)).toList(),
				questionIds, sectionIds, draftsLeftOut);
	}

	/**
	 * Adds the blocks from {@code from} up to the next section or question heading;
	 * returns that heading's index.
	 */
	private static int following(List<MarkdownBlock> blocks, int from, List<MarkdownBlock> into) {
		int index = from;
		while (index < blocks.size() && !startsPart(blocks.get(index))) {
			into.add(blocks.get(index++));
		}
		return index;
	}

	private static boolean startsPart(MarkdownBlock block) {
		return block.heading() != null && block.heading().level() <= 2;
	}

	private SectionParts section(MarkdownBlock block, List<MarkdownBlock> intro) {
		MarkdownBlock.Heading heading = block.heading();
		if (heading.text().isEmpty()) {
			errors.add(new ContentError(file, block.line(), "section heading has no text"));
		}
		SectionParts section = new SectionParts(
				heading.id() != null ? heading.id() : "section-" + Slugs.slug(heading.text()), heading.text());
		section.intro.addAll(intro);
		return section;
	}

	/**
	 * The question of a {@code ##} heading, or {@code null} when the heading has a
	 * mistake.
	 */
	private Outline.Question question(MarkdownBlock block, List<MarkdownBlock> answer, Map<String, Integer> idLines,
			String answerMarkdown) {
		MarkdownBlock.Heading heading = block.heading();
		int line = block.line();
		if (heading.text().isEmpty()) {
			errors.add(new ContentError(file, line, "heading has no question text"));
			return null;
		}
		String id = heading.id() != null ? heading.id() : Slugs.slug(heading.text());
		if (!Slugs.isValidId(id)) {
			errors.add(new ContentError(file, line, heading.id() != null
					? "'" + id + "' is not a valid id (use letters, digits, '-' and '_')"
					: "the question gives no usable id: add one at the end of the heading, like {#my-question}"));
			return null;
		}
		Integer previous = idLines.putIfAbsent(id, line);
		if (previous != null) {
			errors.add(new ContentError(file, line, "duplicate id '" + id + "': the question on line " + previous
					+ " has it too; give one of them an explicit {#id}"));
			return null;
		}
		if (answer.isEmpty()) {
			errors.add(new ContentError(file, line, "question '" + heading.text() + "' has no answer"));
		}
		return new Outline.Question(id, heading.text(), line, heading.classes().contains("draft"), answer,
				answerMarkdown);
	}

	/**
	 * The text from {@code from} to {@code to} without the blank lines before it and the
	 * whitespace after it. The first line keeps its indent, which may make it code.
	 */
	private static String withoutBlankLinesAround(String text, int from, int to) {
		int end = to;
		while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		int start = from;
		for (int i = from; i < end && Character.isWhitespace(text.charAt(i)); i++) {
			if (text.charAt(i) == '\n') {
				start = i + 1;
			}
		}
		return text.substring(start, end);
	}

	/** A section while its questions are read. */
	private static final class SectionParts {

		final String id;

		final String title;

		final List<MarkdownBlock> intro = new ArrayList<>();

		final List<Outline.Question> questions = new ArrayList<>();

		SectionParts(String id, String title) {
			this.id = id;
			this.title = title;
		}

	}

}
