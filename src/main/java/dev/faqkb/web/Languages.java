package dev.faqkb.web;

import java.util.Optional;

import java.util.function.Function;

import dev.faqkb.site.LanguagePrefix;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.BadRequestException;
import dev.faqkb.system.NotFoundException;

import org.springframework.ui.Model;

/**
 * Which language a request asks for: the prefix of its address ({@code /fr/faq/general})
 * or the {@code lang} of an API call, never the browser's {@code Accept-Language}, so
 * that an address always answers the same page.
 */
final class Languages {

	private Languages() {
	}

	/**
	 * The language of an address's prefix.
	 * @param lang the prefix, or {@code null} for the default language's addresses, which
	 * have none
	 * @throws NotFoundException for a language the site does not have, and for the
	 * default language's own tag, whose pages are at addresses without a prefix
	 */
	static Snapshot.Edition ofAddress(Snapshot snapshot, String lang) {
		if (lang == null) {
			return snapshot.original();
		}
		Snapshot.Edition edition = snapshot.translations().get(lang);
		if (edition == null) {
			throw new NotFoundException("There is nothing at this address. The link may be mistyped.");
		}
		return edition;
	}

	/**
	 * The language an API call names with {@code lang}, if the site has it.
	 * @param lang a language tag, or {@code null} or empty for the default language
	 */
	static Optional<Snapshot.Edition> find(Snapshot snapshot, String lang) {
		return lang == null || lang.isEmpty() ? Optional.of(snapshot.original()) : snapshot.edition(lang);
	}

	/**
	 * The language an API call names with {@code lang}.
	 * @param lang a language tag, or {@code null} or empty for the default language
	 * @throws BadRequestException when the site has no such language, with the ones it
	 * has
	 */
	static Snapshot.Edition ofParameter(Snapshot snapshot, String lang) {
		return find(snapshot, lang)
			.orElseThrow(() -> new BadRequestException("lang: this site has no language '" + lang + "'; it has "
					+ String.join(", ", snapshot.editions().stream().map(Snapshot.Edition::language).toList())));
	}

	/**
	 * Gives a page of {@code edition} its language ({@code language}), its catalog
	 * ({@code catalog}) and its site's settings in that language ({@code site}, replacing
	 * the default language's).
	 * @param address the address of the same page in a language
	 */
	static void describe(Model model, Snapshot snapshot, Snapshot.Edition edition,
			Function<Snapshot.Edition, String> address) {
		model.addAttribute("site", edition.catalog().site());
		model.addAttribute("catalog", edition.catalog());
		model.addAttribute("language", PageLanguage.of(snapshot, edition, address));
	}

}
