package dev.faqkb.insights;

import java.util.List;
import java.util.Locale;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.site.Snapshot;

/**
 * What each translation of the content translates, for the owner: how many of the default
 * language's questions, and which are still missing (served in the default language
 * meanwhile).
 *
 * @param language the translation's BCP 47 tag
 * @param name the language's name in English, for the owner's page
 * @param missing the questions it does not translate yet, in catalog order, at the
 * translation's addresses
 */
record Translations(String language, String name, int translated, int questions, List<Question> missing) {

	/** Each translation of {@code snapshot}, by tag; none for a site in one language. */
	static List<Translations> of(Snapshot snapshot) {
		return snapshot.translations().values().stream().map(edition -> of(edition.catalog())).toList();
	}

	private static Translations of(Catalog catalog) {
		List<Question> missing = catalog.untranslated();
		int questions = catalog.questions().size();
		return new Translations(catalog.language(),
				Locale.forLanguageTag(catalog.language()).getDisplayName(Locale.ENGLISH), questions - missing.size(),
				questions, missing);
	}

}
