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
 * @param answerMarkdown the answer's Markdown as written in the file (links not
 * rewritten): the lines between the question's heading and the next {@code #} or
 * {@code ##} heading, without the blank lines around them
 * @param lang the BCP 47 tag of the language its text is written in: a translation's, or
 * the default language's when it is shown untranslated in a translation
 * @param base the address prefix of the language it is served in: empty for the default
 * language, {@code /fr} for French
 */
public record Question(String category, String id, String text, String section, String answerHtml, String answerText,
		Path source, int line, boolean draft, String answerMarkdown, String lang, String base) {

	/** A question of a site in English, the default language, at its addresses. */
	public Question(String category, String id, String text, String section, String answerHtml, String answerText,
			Path source, int line, boolean draft, String answerMarkdown) {
		this(category, id, text, section, answerHtml, answerText, source, line, draft, answerMarkdown,
				SiteInfo.DEFAULT_LANGUAGE, "");
	}

	public String url() {
		return base + "/faq/" + category + "/" + id;
	}

	public String anchorUrl() {
		return base + "/faq/" + category + "#" + id;
	}

	/**
	 * The same question served at the addresses of another language ({@code base}), its
	 * site links moved there.
	 */
	Question servedAt(String base) {
		return new Question(category, id, text, section, Editions.rebase(answerHtml, base), answerText, source, line,
				draft, answerMarkdown, lang, base);
	}

}
