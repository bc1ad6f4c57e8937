package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToDoubleFunction;

import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": respells the words of a query that are likely misspelled with the
 * closest word of the content, and offers the respelled query only when it finds clearly
 * better answers. A word is likely misspelled when the content lacks it, it is not a word
 * of the language ({@link KnownWords}: "email" is spelled right even in a FAQ that never
 * says it), and a word of the content is as near as the search itself takes for a typo:
 * one edit below {@value Typos#TWO_TYPOS_LENGTH} letters, two from there on (so "plugh"
 * is not "plus"). The respelled query's best answer must then score {@link #BETTER} times
 * the best answer of the query without those words. Lucene's DirectSpellChecker reads the
 * index itself, so there is nothing more to build. Within the {@link QueryBudget}: as
 * many unknown words as it expands to near spellings, none longer. Thread-safe.
 */
final class Spelling {

	/**
	 * How many times the best score of the query without its misspelled words the
	 * respelled query's must reach: a respelled word that does not change which answers
	 * come first is no help. Measured on the dev queries: bench/README.md, "Did you
	 * mean".
	 */
	static final double BETTER = 1.2;

	private final IndexReader reader;

	private final Analyzers analyzers;

	private final QueryBudget budget;

	private final ToDoubleFunction<String> bestScore;

	private final DirectSpellChecker oneEdit = checker(1);

	private final DirectSpellChecker twoEdits = checker(2);

	private final KnownWords known;

	// Like Typos: the respelling of a word depends only on the word and this snapshot's
	// index, and building the checker's automaton is the costly part, so each word is
	// respelled once ("" when nothing is close).
	private final Cache<String, String> respelled = Caches.bounded(Caches.RESPELLED_WORDS);

	/**
	 * @param bestScore the score of the best answer to a text by its words (0 when none),
	 * to compare the respelled query with the typed one
	 */
	Spelling(IndexReader reader, Analyzers analyzers, QueryBudget budget, ToDoubleFunction<String> bestScore) {
		this.reader = reader;
		this.analyzers = analyzers;
		this.budget = budget;
		this.bestScore = bestScore;
		this.known = KnownWords.of(analyzers.language.language());
	}

	private static DirectSpellChecker checker(int edits) {
		DirectSpellChecker checker = new DirectSpellChecker();
		checker.setMaxEdits(edits);
		// the word must occur in at least this share of documents... none: the corpus
		// may be small
		checker.setThresholdFrequency(0f);
		return checker;
	}

	/**
	 * @return the query with its likely misspelled words replaced, or {@code null} when
	 * no word needs it or the respelled query finds no clearly better answers
	 */
	String didYouMean(String text) {
		List<Token> words = analyzers.plainTokens(budget.cut(text));
		StringBuilder corrected = new StringBuilder();
		StringBuilder without = new StringBuilder();
		int copied = 0;
		boolean changed = false;
		int offset = 0;
		int respelled = 0;
		for (Token word : words) {
			int start = text.indexOf(word.raw(), offset);
			offset = start + word.raw().length();
			if (!mayBeMisspelled(word.term())) {
				continue;
			}
			if (++respelled > budget.maxTypoWords()) {
				break;
			}
			String suggestion = respell(word.term());
			if (suggestion.isEmpty()) {
				continue;
			}
			corrected.append(text, copied, start).append(suggestion);
			without.append(text, copied, start).append(' ');
			copied = offset;
			changed = true;
		}
		if (!changed) {
			return null;
		}
		String respelledQuery = corrected.append(text.substring(copied)).toString();
		return findsBetter(respelledQuery, without.append(text.substring(copied)).toString()) ? respelledQuery : null;
	}

	private boolean mayBeMisspelled(String word) {
		return word.length() >= Typos.MIN_LENGTH && word.length() <= budget.maxTypoLength()
				&& word.chars().allMatch(Character::isLetter) && !analyzers.queryStopWords.contains(word)
				&& !isIndexed(word) && !known.contains(word);
	}

	/**
	 * Whether the respelled words add clearly to the best answer, compared with the query
	 * without the words they replace (not with the typed query: its unknown words already
	 * find their near spellings, scored as rare words, which no respelled word matches).
	 */
	private boolean findsBetter(String respelledQuery, String withoutMisspelled) {
		double respelledBest = bestScore.applyAsDouble(respelledQuery);
		return respelledBest > 0 && respelledBest >= BETTER * bestScore.applyAsDouble(withoutMisspelled);
	}

	private boolean isIndexed(String word) {
		try {
			return reader.docFreq(new Term(IndexSchema.WORDS, word)) > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The closest indexed word to {@code word}, which is not indexed itself, within the
	 * edits a typo may have, or "" when none is that close.
	 */
	private String respell(String word) {
		return respelled.get(word, key -> {
			try {
				DirectSpellChecker checker = key.length() >= Typos.TWO_TYPOS_LENGTH ? twoEdits : oneEdit;
				SuggestWord[] suggestions = checker.suggestSimilar(new Term(IndexSchema.WORDS, key), 1, reader,
						SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				return suggestions.length == 0 ? "" : suggestions[0].string;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
