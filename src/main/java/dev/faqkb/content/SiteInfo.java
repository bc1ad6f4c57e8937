package dev.faqkb.content;

/**
 * Settings from {@code site.yml}; every field has a default so the file is optional.
 *
 * @param baseUrl absolute address of the site without a trailing slash, for canonical links; empty when unknown
 * @param popularQuestions whether the home page lists the most viewed questions
 * @param editUrl where authors edit the content folder, ending with {@code /}
 * ({@code https://github.com/org/faq/edit/main/content/}); a category file's path follows it; empty for none
 */
public record SiteInfo(String title, String description, String baseUrl, boolean popularQuestions, String editUrl) {

	public static final SiteInfo DEFAULTS = new SiteInfo("FAQ", "", "", true, "");

	/** Without an edit link. */
	public SiteInfo(String title, String description, String baseUrl, boolean popularQuestions) {
		this(title, description, baseUrl, popularQuestions, "");
	}

}
