package dev.faqkb.search;

import java.util.Locale;

/**
 * How a result matched the query: by its words, by its meaning (the vectors), or both.
 */
public enum Match {

	LEXICAL, SEMANTIC, BOTH;

	static Match of(boolean lexical, boolean semantic) {
		return lexical && semantic ? BOTH : semantic ? SEMANTIC : LEXICAL;
	}

	/** {@code lexical}, {@code semantic} or {@code both}, as the API shows it. */
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
