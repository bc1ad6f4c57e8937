package dev.faqkb.search;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a query reads as a question ("how do I stop my program from ...") or as
 * keywords ("deep copy dict"): the meaning of a question is worth more than its words,
 * keywords are mostly their words (the weights are the {@link Blend}'s).
 */
enum QueryShape {

	QUESTION, KEYWORDS;

	/** From this many words on, a query is a question even without a question word. */
	static final int QUESTION_WORDS = 6;

	private static final Set<String> OPENERS = Set.of("how", "what", "whats", "why", "when", "where", "which", "who",
			"is", "are", "can", "could", "should", "would", "will", "do", "does", "did", "i", "my", "there");

	static QueryShape of(String query) {
		String[] words = query.toLowerCase(Locale.ROOT).replace("'", "").split("[^\\p{L}\\p{N}]+");
		int first = words.length > 0 && words[0].isEmpty() ? 1 : 0;
		int count = words.length - first;
		if (count <= 0) {
			return KEYWORDS;
		}
		return OPENERS.contains(words[first]) || count >= QUESTION_WORDS ? QUESTION : KEYWORDS;
	}

}
