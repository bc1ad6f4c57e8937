package dev.faqkb.search;

/**
 * An analysed word of a text (see {@link Analyzers#queryTokens} and its siblings).
 *
 * @param term the word as indexed (lowercased, and stemmed by the English analyzers)
 * @param raw the text it came from
 * @param position its position in the token stream (synonyms share their word's)
 * @param synonym whether a synonym rule produced it (then it is matched exactly)
 */
record Token(String term, String raw, int position, boolean synonym) {

	boolean isWord() {
		return raw.codePoints().allMatch(Character::isLetter);
	}

	int length() {
		return raw.codePointCount(0, raw.length());
	}

}
