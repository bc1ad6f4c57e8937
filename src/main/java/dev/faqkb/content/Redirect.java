package dev.faqkb.content;

/**
 * Where an old question id now lives: front matter {@code redirects: {old-id: new-id}} or
 * {@code old-id: other-category#new-id}.
 *
 * @param base the address prefix of the language it redirects in: empty for the default
 * language
 */
public record Redirect(String category, String id, String base) {

	/** A redirect at the default language's addresses. */
	public Redirect(String category, String id) {
		this(category, id, "");
	}

	public String url() {
		return base + "/faq/" + category + "/" + id;
	}

	public String anchorUrl() {
		return base + "/faq/" + category + "#" + id;
	}

}
