package dev.faqkb.content;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GitHub-style heading slugs, so that ids match what authors see on GitHub: lowercase,
 * punctuation dropped, each space to a hyphen. One difference: {@code +} is spelled
 * {@code -plus}, so that "C" and "C++" (or "g++") get different ids instead of colliding.
 */
public final class Slugs {

	// What GitHub keeps: letters, marks, numbers, connector punctuation (underscore),
	// space and hyphen.
	private static final Pattern DROPPED = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

	private static final Pattern VALID_ID = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{M}\\p{N}_-]*");

	private Slugs() {
	}

	public static String slug(String text) {
		String lower = text.trim().toLowerCase(Locale.ROOT).replace("+", "-plus");
		return DROPPED.matcher(lower).replaceAll("").replace(' ', '-');
	}

	/**
	 * Whether {@code id} can be used as an id in a URL path segment and as an HTML id.
	 */
	public static boolean isValidId(String id) {
		return VALID_ID.matcher(id).matches();
	}

}
