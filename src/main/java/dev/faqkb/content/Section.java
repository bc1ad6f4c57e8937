package dev.faqkb.content;

import java.util.List;

/**
 * A group of questions under a {@code #} heading. Questions before any section heading form a first
 * section whose title is {@code null}.
 *
 * @param introHtml text between the section heading and its first question, rendered
 */
public record Section(String id, String title, String introHtml, List<Question> questions) {

	public Section {
		questions = List.copyOf(questions);
	}

}
