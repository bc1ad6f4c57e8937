package dev.faqkb.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tokens that word analysis breaks or loses: file names, identifiers, numbers
 * and symbols ({@code __init__.py}, {@code .pyc}, {@code Py_BuildValue}, {@code 508},
 * {@code C++}). They are indexed in a field of their own, so they match as typed.
 */
final class Identifiers {

	private static final String LEADING = "\"'([{<`*";

	private static final String TRAILING = "\"')]}>`,;:!?.*";

	private Identifiers() {
	}

	/**
	 * The identifier tokens of a text, lowercased: whitespace-separated chunks without
	 * surrounding punctuation, kept when they hold something other than letters; a file
	 * name also gives its extension.
	 */
	static Set<String> of(String text) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String chunk : text.split("\\s+")) {
			String token = trim(chunk.toLowerCase(Locale.ROOT));
			if (token.isEmpty() || !hasNonLetter(token) || token.length() > 64) {
				continue;
			}
			tokens.add(token);
			int dot = token.lastIndexOf('.');
			if (dot > 0 && dot < token.length() - 1) {
				// spam.pyc also matches a search for .pyc
				tokens.add(token.substring(dot));
			}
		}
		return tokens;
	}

	private static String trim(String token) {
		int start = 0;
		int end = token.length();
		boolean changed = true;
		while (changed && start < end) {
			changed = false;
			if (token.startsWith("()", end - 2) && end - 2 >= start) {
				// a call: "breakpoint()" is the identifier "breakpoint"
				end -= 2;
				changed = true;
			}
			else if (TRAILING.indexOf(token.charAt(end - 1)) >= 0) {
				end--;
				changed = true;
			}
			if (start < end && LEADING.indexOf(token.charAt(start)) >= 0) {
				start++;
				changed = true;
			}
		}
		return token.substring(start, end);
	}

	private static boolean hasNonLetter(String token) {
		// an apostrophe alone ("what's") makes no identifier
		return token.codePoints().anyMatch(c -> !Character.isLetter(c) && c != '\'' && c != '\u2019');
	}

}
