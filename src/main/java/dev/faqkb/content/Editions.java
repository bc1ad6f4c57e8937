package dev.faqkb.content;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content in each of its languages: the default language's catalog, at the site's own
 * addresses, and one per translation folder ({@code content/fr/}), at addresses under its
 * language tag ({@code /fr/faq/general}). A translation's catalog has every question of
 * the default language in its place: translated where the folder translates it, in the
 * default language otherwise ({@link Question#lang} says which), so that no address of
 * one language is missing in another. Immutable, and safe to share between threads.
 *
 * @param original the default language's catalog
 * @param translations each translation's catalog by language tag
 */
public record Editions(Catalog original, Map<String, Catalog> translations) {

	/**
	 * The form of a language tag as the first segment of an address ({@code fr},
	 * {@code pt-BR}, {@code zh-Hant}), as a regular expression: what every address of a
	 * translation starts with ({@link LanguageTags} checks the tags).
	 */
	public static final String TAG = "[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*";

	public Editions {
		translations = java.util.Collections.unmodifiableMap(new TreeMap<>(translations));
	}

	/** The catalog of {@code language} (the default one included), if the site has it. */
	public Optional<Catalog> of(String language) {
		return original.language().equals(language) ? Optional.of(original)
				: Optional.ofNullable(translations.get(language));
	}

	/**
	 * The address prefix of a language that is not the default one: {@code /fr}.
	 * Addresses of the default language have none, so that adding a translation breaks no
	 * link.
	 */
	public static String base(String language) {
		return "/" + language;
	}

	/**
	 * Answer or intro HTML moved to the addresses under {@code base}: each link to a page
	 * of the site ({@code href="/faq/...}, as links between content files are written
	 * once checked) leads to the same page in that language. On rendered HTML, since
	 * Flexmark renders a block once: Flexmark writes every attribute in double quotes,
	 * and text that shows {@code href="/faq/} has its quotes escaped, so only links
	 * match.
	 */
	static String rebase(String html, String base) {
		return base.isEmpty() ? html : html.replace("href=\"/faq/", "href=\"" + base + "/faq/");
	}

}
