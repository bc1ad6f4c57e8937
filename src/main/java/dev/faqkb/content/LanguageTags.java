package dev.faqkb.content;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The BCP 47 language tags that name a site's languages ({@code language:} in
 * {@code site.yml}, a translation's folder): well-formed, in the case BCP 47 recommends
 * ({@code pt-BR}, {@code zh-Hant}), and with a language and region that ISO knows, so
 * that a typo is an error rather than a language nobody reads.
 */
final class LanguageTags {

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

	private LanguageTags() {
	}

	/** Why {@code tag} cannot name a language, or empty when it can. */
	static Optional<String> problem(String tag) {
		Locale locale;
		try {
			// the JDK's parser of BCP 47, strict about form
			// (java.util.Locale.forLanguageTag is lenient)
			locale = new Locale.Builder().setLanguageTag(tag).build();
		}
		catch (IllformedLocaleException ex) {
			return Optional.of("'" + tag + "' is not a BCP 47 language tag (like en, fr, pt-BR or zh-Hant)");
		}
		String language = locale.getLanguage();
		// 3-letter codes (ISO 639-2/3) have no list in the JDK: their form is all that is
		// checked
		if (language.length() == 2 && !LANGUAGES.contains(language) || language.length() > 3 || language.isEmpty()) {
			return Optional
				.of("'" + tag + "': unknown language '" + language + "' (use an ISO 639 code, like en, fr or ja)");
		}
		String region = locale.getCountry();
		if (region.length() == 2 && !REGIONS.contains(region)) {
			return Optional.of("'" + tag + "': unknown region '" + region + "' (use an ISO 3166 code, like BR or CA)");
		}
		String canonical = locale.toLanguageTag();
		if (!canonical.equals(tag)) {
			return Optional.of("write the language tag '" + tag + "' as '" + canonical + "'");
		}
		return Optional.empty();
	}

}
