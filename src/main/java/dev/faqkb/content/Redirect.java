package dev.faqkb.content;

/**
 * Where an old question id now lives: front matter {@code redirects: {old-id: new-id}} or
 * {@code old-id: other-category#new-id}.
 */
public record Redirect(String category, String id) {

	public String url() {
		return "/faq/" + category + "/" + id;
	}

	public String anchorUrl() {
		return "/faq/" + category + "#" + id;
	}

}
