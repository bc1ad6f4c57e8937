package dev.faqkb.content;

/**
 * Settings from {@code site.yml}; every field has a default so the file is optional.
 *
 * @param baseUrl absolute address of the site without a trailing slash, for canonical links; empty when unknown
 * @param popularQuestions whether the home page lists the most viewed questions
 * @param language the BCP 47 tag of the language the pages are in: {@code language:} for the default language
 * (default {@code en}), the folder's name for a translation
 */
public record SiteInfo(String title, String description, String baseUrl, boolean popularQuestions, String language) {

	/** The default language when {@code site.yml} names none. */
	public static final String DEFAULT_LANGUAGE = "en";

	public static final SiteInfo DEFAULTS = new SiteInfo("FAQ", "", "", true);

	/** The settings of a site in English. */
	public SiteInfo(String title, String description, String baseUrl, boolean popularQuestions) {
		this(title, description, baseUrl, popularQuestions, DEFAULT_LANGUAGE);
	}

}
