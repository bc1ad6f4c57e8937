package dev.faqkb.content;

/**
 * Settings from {@code site.yml}; every field has a default so the file is optional.
 *
 * @param baseUrl absolute address of the site without a trailing slash, for canonical
 * links; empty when unknown
 * @param popularQuestions whether the home page lists the most viewed questions
 * @param language the BCP 47 tag of the language the pages are in: {@code language:} for
 * the default language (default {@code en}), the folder's name for a translation
 * @param editUrl where authors edit the content folder, ending with {@code /}
 * ({@code https://github.com/org/faq/edit/main/content/}); a category file's path follows
 * it; empty for none
 */
public record SiteInfo(String title, String description, String baseUrl, boolean popularQuestions, String language,
		String editUrl) {

	/** The default language when {@code site.yml} names none. */
	public static final String DEFAULT_LANGUAGE = "en";

	public static final SiteInfo DEFAULTS = new SiteInfo("FAQ", "", "", true);

	/** The settings of a site in English, without an edit link. */
	public SiteInfo(String title, String description, String baseUrl, boolean popularQuestions) {
		this(title, description, baseUrl, popularQuestions, DEFAULT_LANGUAGE);
	}

	/** Without an edit link. */
	public SiteInfo(String title, String description, String baseUrl, boolean popularQuestions, String language) {
		this(title, description, baseUrl, popularQuestions, language, "");
	}

}
