package dev.faqkb.content;

import java.nio.file.Path;

/**
 * One question and its answer.
 *
 * @param category id of the category it belongs to
 * @param id stable id: the explicit {@code {#id}} or the slug of the question text
 * @param text the question as plain text
 * @param section title of the section it is in, or {@code null}
 * @param answerHtml the answer rendered from Markdown (trusted: authors may use raw HTML)
 * @param answerText the answer as plain text, for search and snippets
 * @param source the file it was read from
 * @param line the line of its heading in that file
 * @param draft whether it is marked {@code .draft} (only served when drafts are shown)
 * @param answerMarkdown the answer's Markdown as written: the lines between the question heading and the next
 * question or section heading, trimmed
 */
public record Question(String category, String id, String text, String section, String answerHtml,
		String answerText, Path source, int line, boolean draft, String answerMarkdown) {

	public String url() {
		return "/faq/" + category + "/" + id;
	}

	public String anchorUrl() {
		return "/faq/" + category + "#" + id;
	}

}
