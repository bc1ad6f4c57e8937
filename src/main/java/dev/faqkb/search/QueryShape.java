package dev.faqkb.search;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a query reads as a question ("how do I stop my program from ...") or as keywords ("deep copy
 * dict"): the meaning of a question is worth more than its words, keywords are mostly their words. On the
 * dev queries the vector side was best at 0.8 of the blend for questions and 0.6 for keywords (chosen on
 * the whole set; held-out halves in bench/README.md).
 */
enum QueryShape {

	QUESTION(new Fusion(0.8f)), KEYWORDS(new Fusion(0.6f));

	/** From this many words on, a query is a question even without a question word. */
	static final int QUESTION_WORDS = 6;

	private static final Set<String> OPENERS = Set.of("how", "what", "whats", "why", "when", "where", "which", "who",
			"is", "are", "can", "could", "should", "would", "will", "do", "does", "did", "i", "my", "there");

	final Fusion fusion;

	QueryShape(Fusion fusion) {
		this.fusion = fusion;
	}

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
