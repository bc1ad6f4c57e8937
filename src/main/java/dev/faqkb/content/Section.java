package dev.faqkb.content;

import java.util.List;

/**
 * A group of questions under a {@code #} heading. Questions before any section heading
 * form a first section whose title is {@code null}.
 *
 * @param introHtml text between the section heading and its first question, rendered
 * @param lang the BCP 47 tag of the language of its title and intro
 */
public record Section(String id, String title, String introHtml, List<Question> questions, String lang) {

	public Section {
		questions = List.copyOf(questions);
	}

	/** A section of a site in English, the default language. */
	public Section(String id, String title, String introHtml, List<Question> questions) {
		this(id, title, introHtml, questions, SiteInfo.DEFAULT_LANGUAGE);
	}

}
