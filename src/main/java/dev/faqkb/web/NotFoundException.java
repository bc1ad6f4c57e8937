package dev.faqkb.web;

/**
 * No such category or question. Carries what was asked for, so the 404 page can suggest the closest
 * questions.
 */
public class NotFoundException extends RuntimeException {

	private final String category;

	private final String id;

	public NotFoundException(String category, String id) {
		super(id == null ? "No category '" + category + "'" : "No question '" + id + "' in category '" + category + "'");
		this.category = category;
		this.id = id;
	}

	String category() {
		return category;
	}

	String id() {
		return id;
	}

}
