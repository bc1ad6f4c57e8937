package dev.faqkb.importer;

import java.util.List;

/**
 * One category as read from a source, before its file is written: what every reader
 * produces and {@link CategoryFile} writes.
 *
 * @param id the category id, which names its file ({@code id.md}); a valid id
 * @param title the category's title, plain text
 * @param description one sentence about the category, plain text, or empty
 * @param intro Markdown shown above the questions, or empty
 * @param sections the questions, in the source's order; a section with a {@code null}
 * title holds the questions before the first section, and comes first
 * @param source where it was read from, for messages
 */
record ImportedCategory(String id, String title, String description, String intro, List<Section> sections,
		String source) {

	ImportedCategory {
		sections = List.copyOf(sections);
	}

	int questionCount() {
		return sections.stream().mapToInt(section -> section.questions().size()).sum();
	}

	/**
	 * @param title the section's title as Markdown inline text, or {@code null} for the
	 * questions before the first section
	 * @param intro Markdown shown under the section's title, or empty
	 */
	record Section(String title, String intro, List<Question> questions) {

		Section {
			questions = List.copyOf(questions);
		}

	}

	/**
	 * @param heading the question as Markdown inline text (escaped, may carry inline
	 * markup)
	 * @param plain the question as plain text, for its slug
	 * @param id the id the source gives it (a label, an id column), or {@code null} for
	 * the slug of {@code plain}
	 * @param answer the answer as Markdown
	 * @param line the line of the question in the source, for messages
	 */
	record Question(String heading, String plain, String id, String answer, int line) {
	}

}
