package dev.faqkb.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.faqkb.content.Catalog;
import dev.faqkb.search.SearchIndex;

/**
 * A catalog and the index built from it, for the default language, and the same for each
 * translation. A request reads one snapshot from start to end, so it never sees half of a
 * change.
 *
 * @param catalog the default language's catalog
 * @param index the default language's index
 * @param translations each translation's catalog and index, by language tag
 */
public record Snapshot(Catalog catalog, SearchIndex index, Instant loadedAt, Map<String, Edition> translations) {

	public Snapshot {
		translations = java.util.Collections.unmodifiableMap(new TreeMap<>(translations));
	}

	/** A site in one language. */
	public Snapshot(Catalog catalog, SearchIndex index, Instant loadedAt) {
		this(catalog, index, loadedAt, Map.of());
	}

	/** The default language's catalog and index. */
	public Edition original() {
		return new Edition(catalog, index);
	}

	/**
	 * The catalog and index of {@code language} (the default one included), if the site
	 * has it.
	 */
	public Optional<Edition> edition(String language) {
		return catalog.language().equals(language) ? Optional.of(original())
				: Optional.ofNullable(translations.get(language));
	}

	/**
	 * Every language's catalog and index: the default language's first, then the
	 * translations by tag.
	 */
	public List<Edition> editions() {
		List<Edition> all = new ArrayList<>();
		all.add(original());
		all.addAll(translations.values());
		return all;
	}

	/** One language of the site: its catalog and the index built from it. */
	public record Edition(Catalog catalog, SearchIndex index) {

		/** Its BCP 47 tag. */
		public String language() {
			return catalog.language();
		}

		/**
		 * The prefix of its addresses: empty for the default language, {@code /fr} for
		 * French.
		 */
		public String base() {
			return catalog.base();
		}

	}

}
