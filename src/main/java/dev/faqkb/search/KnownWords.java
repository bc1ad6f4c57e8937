package dev.faqkb.search;

import java.util.Set;

import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * The words of a language that are spelled right, whether or not the content has them:
 * "Did you mean" never respells one ("email" is not a typo of "emacs"). For English, the
 * whole words of the embedding model's WordPiece vocabulary (about 21,700 of its 30,522
 * entries, shipped in the jar with the model): Lucene ships no word list, and a Hunspell
 * dictionary would be a second large download for what this vocabulary already covers. A
 * plural counts as known when its singular is ("quits" with "quit", by Lucene's minimal
 * English stemmer); a fuller stemmer would make typos known too ("beginer" and "begin"
 * share a Porter stem). Other languages have no list: every word the content lacks may be
 * a typo there. Immutable.
 */
final class KnownWords {

	/** No word is known beyond the content: languages without a list. */
	static final KnownWords NONE = new KnownWords(Set.of());

	private final Set<String> words;

	private final EnglishMinimalStemmer singular = new EnglishMinimalStemmer();

	private KnownWords(Set<String> words) {
		this.words = words;
	}

	/** The known words of a language ({@link LanguageAnalysis#language}). */
	static KnownWords of(String language) {
		return language.equals("en") ? new KnownWords(English.WORDS) : NONE;
	}

	/**
	 * Whether a word is spelled right.
	 * @param word the word as typed, lowercased
	 */
	boolean contains(String word) {
		if (words.isEmpty()) {
			return false;
		}
		char[] chars = word.toCharArray();
		return words.contains(word) || words.contains(new String(chars, 0, singular.stem(chars, chars.length)));
	}

	/** The English list, read once per JVM when first needed. */
	private static final class English {

		static final Set<String> WORDS = Set.copyOf(ModelVocabulary.words());

	}

}
