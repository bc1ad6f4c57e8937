package dev.faqkb.content;

/**
 * Settings from {@code site.yml}; every field has a default so the file is optional.
 *
 * @param baseUrl absolute address of the site without a trailing slash, for canonical links; empty when unknown
 * @param popularQuestions whether the home page lists the most viewed questions
 */
public record SiteInfo(String title, String description, String baseUrl, boolean popularQuestions) {

	public static final SiteInfo DEFAULTS = new SiteInfo("FAQ", "", "", true);

}
