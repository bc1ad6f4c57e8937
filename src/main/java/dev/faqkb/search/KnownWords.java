package dev.faqkb.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words of a language that are spelled right, whether or not the content has them:
 * "Did you mean" never respells one ("email" is not a typo of "emacs"). For English, the
 * whole words of the embedding model's WordPiece vocabulary (about 21,700 of its 30,522
 * entries, shipped in the jar with the model): Lucene ships no word list, and a Hunspell
 * dictionary would be a second large download for what this vocabulary already covers. A
 * word counts as known when it is in the list as typed or when it shares its stem with a
 * word of the list ("quits" with "quit"), so the list need not hold every inflection.
 * Other languages have no list: every word the content lacks may be a typo there.
 * Immutable.
 */
final class KnownWords {

	/** No word is known beyond the content: languages without a list. */
	static final KnownWords NONE = new KnownWords(Set.of(), Set.of());

	private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

	private static final Pattern WORD = Pattern.compile("[a-z]{2,}");

	private final Set<String> words;

	private final Set<String> stems;

	private KnownWords(Set<String> words, Set<String> stems) {
		this.words = words;
		this.stems = stems;
	}

	/**
	 * The known words of the language {@code analyzers} analyse, their stems by the same
	 * analysis as queries; {@link #NONE} for a language without a list.
	 */
	static KnownWords of(Analyzers analyzers) {
		if (!analyzers.language.language().equals("en")) {
			return NONE;
		}
		Set<String> words = English.WORDS;
		Set<String> stems = new HashSet<>();
		for (String word : words) {
			analyzers.indexTokens(word).forEach(token -> stems.add(token.term()));
		}
		return new KnownWords(words, Set.copyOf(stems));
	}

	/**
	 * Whether a word is spelled right.
	 * @param word the word as typed, lowercased
	 * @param stem its stem by the language's analysis
	 */
	boolean contains(String word, String stem) {
		return words.contains(word) || stems.contains(stem);
	}

	/** The English list, read once per JVM when first needed. */
	private static final class English {

		static final Set<String> WORDS = read();

		private static Set<String> read() {
			try (InputStream in = KnownWords.class.getResourceAsStream(TOKENIZER)) {
				if (in == null) {
					throw new IllegalStateException(TOKENIZER + " is not on the class path");
				}
				JsonNode vocabulary = JsonMapper.shared().readTree(in).path("model").path("vocab");
				Set<String> words = new HashSet<>();
				// whole words only: "##" pieces, signs and markers are not words
				vocabulary.propertyNames().forEach(token -> {
					if (WORD.matcher(token).matches()) {
						words.add(token);
					}
				});
				return Set.copyOf(words);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
