package dev.faqkb.site;

import dev.faqkb.system.NotFoundException;

/**
 * No such category or question in the snapshot served. Carries what was asked for, so the
 * 404 page can offer the closest questions. The message is for the reader, in words, not
 * ids.
 */
public class NotInCatalogException extends NotFoundException {

	private final String category;

	private final String id;

	private final String language;

	/**
	 * @param id the question asked for, or {@code null} when the category itself is
	 * unknown
	 */
	public NotInCatalogException(String category, String id) {
		this(category, id, null);
	}

	/**
	 * @param id the question asked for, or {@code null} when the category itself is
	 * unknown
	 * @param language the language of the address ({@code fr} for {@code /fr/faq/...}),
	 * {@code null} for the default
	 */
	public NotInCatalogException(String category, String id, String language) {
		super(id == null ? "There is no category at this address. The link may be mistyped, or the category renamed."
				: "There is no answer at this address. The link may be mistyped, or the question reworded or removed.");
		this.category = category;
		this.id = id;
		this.language = language;
	}

	String category() {
		return category;
	}

	String id() {
		return id;
	}

	String language() {
		return language;
	}

}
