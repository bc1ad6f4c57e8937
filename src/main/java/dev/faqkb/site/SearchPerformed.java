package dev.faqkb.site;

/**
 * A reader ran a search: on the results page, with the slash command, or through the MCP
 * search tool.
 *
 * @param query as typed
 * @param category the category it was limited to, or {@code null}
 * @param total how many answers it found
 * @param page the page of results shown, from 1
 * @param language the BCP 47 tag of the translation searched ({@code fr}), {@code null}
 * for the default language
 */
public record SearchPerformed(String query, String category, long total, int page, String language) {

	/** A search in the default language. */
	public SearchPerformed(String query, String category, long total, int page) {
		this(query, category, total, page, null);
	}

}
