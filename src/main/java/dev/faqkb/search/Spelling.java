package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": respells the words of a query that appear nowhere in the content with
 * the closest word that does (Lucene's DirectSpellChecker reads the index itself, so
 * there is nothing more to build). Within the {@link QueryBudget}: as many unknown words
 * as it expands to near spellings, none longer.
 */
final class Spelling {

	private final IndexReader reader;

	private final Analyzers analyzers;

	private final QueryBudget budget;

	private final DirectSpellChecker checker = new DirectSpellChecker();

	// Like Typos: the respelling of a word depends only on the word and this snapshot's
	// index, and building
	// the checker's automaton is the costly part, so each word is respelled once ("" when
	// nothing is close).
	private final Cache<String, String> respelled = Caches.bounded(Caches.RESPELLED_WORDS);

	Spelling(IndexReader reader, Analyzers analyzers, QueryBudget budget) {
		this.reader = reader;
		this.analyzers = analyzers;
		this.budget = budget;
		// the word must occur in at least this share of documents... none: the corpus may
		// be small
		checker.setThresholdFrequency(0f);
	}

	/**
	 * @return the query with misspelled words replaced, or {@code null} when no word
	 * needs it
	 */
	String didYouMean(String text) {
		List<Token> words = analyzers.plainTokens(budget.cut(text));
		StringBuilder corrected = new StringBuilder();
		int copied = 0;
		boolean changed = false;
		int offset = 0;
		int respelled = 0;
		for (Token word : words) {
			int start = text.indexOf(word.raw(), offset);
			offset = start + word.raw().length();
			if (word.term().length() < 4 || word.term().length() > budget.maxTypoLength()
					|| !word.term().chars().allMatch(Character::isLetter)
					|| analyzers.queryStopWords.contains(word.term()) || isIndexed(word.term())) {
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
			copied = offset;
			changed = true;
		}
		return changed ? corrected.append(text.substring(copied)).toString() : null;
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
	 * The closest indexed word to {@code word}, which is not indexed itself, or "" when
	 * none is close.
	 */
	private String respell(String word) {
		return respelled.get(word, key -> {
			try {
				Term term = new Term(IndexSchema.WORDS, key);
				SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader,
						SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				return suggestions.length == 0 ? "" : suggestions[0].string;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
