package dev.faqkb.content;

import java.nio.file.Path;

/**
 * A category file read by {@link CategoryParser}: what it says, before links and
 * redirects are checked.
 *
 * @param id the file name without {@code .md}
 */
record ParsedCategory(Path file, String id, FrontMatter frontMatter, Outline outline) {

	/**
	 * Whether {@code id} is a question's or a section's id here, so that a link may name
	 * it.
	 */
	boolean hasAnchor(String id) {
		return outline.questionIds().contains(id) || outline.sectionIds().contains(id);
	}

}
