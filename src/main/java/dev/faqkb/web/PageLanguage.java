package dev.faqkb.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.faqkb.site.Snapshot;

/**
 * The language of a page and the same page in the site's other languages: what
 * {@code <html lang>}, the {@code <link rel="alternate" hreflang>} links and the language
 * switch of the layout show. Made from the content alone, so a page is the same for every
 * reader: nothing here reads {@code Accept-Language}.
 *
 * @param lang the BCP 47 tag of the page's language
 * @param base the prefix of the addresses in that language: empty for the default
 * language, {@code /fr} for French
 * @param alternates the same page in each of the site's languages (this one included),
 * the default language's first; empty when the site has one language
 */
record PageLanguage(String lang, String base, List<Alternate> alternates) {

	/**
	 * One language's address of a page.
	 *
	 * @param name the language's name in that language ("Français", "日本語"), for the
	 * switch
	 * @param current whether it is the page's own language
	 */
	record Alternate(String lang, String name, String url, boolean current) {
	}

	/**
	 * The language of {@code edition}'s pages.
	 * @param address the address of the page in a language, from that language's catalog
	 * and its prefix
	 */
	static PageLanguage of(Snapshot snapshot, Snapshot.Edition edition, Function<Snapshot.Edition, String> address) {
		List<Alternate> alternates = new ArrayList<>();
		if (!snapshot.translations().isEmpty()) {
			for (Snapshot.Edition other : snapshot.editions()) {
				alternates.add(new Alternate(other.language(), name(other.language()), address.apply(other),
						other.language().equals(edition.language())));
			}
		}
		return new PageLanguage(edition.language(), edition.base(), alternates);
	}

	/** The page's language as Java names it, for dates, numbers and message bundles. */
	Locale locale() {
		return Locale.forLanguageTag(lang);
	}

	/**
	 * The address for readers whose language the site does not have: the default
	 * language's ({@code x-default}).
	 */
	public String defaultUrl() {
		return alternates.isEmpty() ? null : alternates.get(0).url();
	}

	/**
	 * A language's own name, capitalized as a menu item: "Français", "Português
	 * (Brasil)", "日本語".
	 */
	static String name(String lang) {
		Locale locale = Locale.forLanguageTag(lang);
		String name = locale.getDisplayName(locale);
		return name.isEmpty() ? lang : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

}
