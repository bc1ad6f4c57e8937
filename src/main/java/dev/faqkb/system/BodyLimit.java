package dev.faqkb.system;

import java.util.stream.IntStream;

/**
 * The most a request body to one address may be. Each feature that takes a body declares
 * one as a bean, next to its fields' own limits, so that {@code system} needs to know no
 * feature's addresses; {@link BodyLimits} holds every other address to
 * {@link BodyLimits#DEFAULT_MAX_BYTES}.
 *
 * @param path the address, with {@code {name}} for its variable parts
 * ({@code /faq/{category}/{id}/feedback})
 * @param maxBytes the most the body may be, in bytes
 */
public record BodyLimit(String path, long maxBytes) {

	/**
	 * Bytes a form may spend on one field's name, its {@code =} and the {@code &} before
	 * the next.
	 */
	static final int FIELD_NAME_BYTES = 64;

	/**
	 * A character at its most costly in a URL-encoded form: three UTF-8 bytes, each
	 * written as {@code %XX}. (A character outside the BMP is two UTF-16 units for four
	 * bytes, twelve encoded: six per unit.)
	 */
	static final int ENCODED_CHAR_BYTES = 9;

	public BodyLimit {
		if (maxBytes < 1) {
			throw new IllegalArgumentException(
					"The body limit of " + path + " must be at least 1 byte, not " + maxBytes);
		}
	}

	/**
	 * The limit of a URL-encoded form whose fields take at most {@code fieldChars}
	 * characters each (in UTF-16 units, as {@code maxlength} counts): every field full of
	 * the characters that cost most to encode. A longer value within that still reaches
	 * the form's own check, which says which field is too long.
	 */
	public static BodyLimit form(String path, int... fieldChars) {
		return new BodyLimit(path,
				IntStream.of(fieldChars)
					.mapToLong(chars -> FIELD_NAME_BYTES + (long) ENCODED_CHAR_BYTES * chars)
					.sum());
	}

}
