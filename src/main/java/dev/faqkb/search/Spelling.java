package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": respells the words of a query that appear nowhere in the content with the closest
 * word that does (Lucene's DirectSpellChecker reads the index itself, so there is nothing more to build).
 */
final class Spelling {

	private final IndexReader reader;

	private final Analyzers analyzers;

	private final DirectSpellChecker checker = new DirectSpellChecker();

	Spelling(IndexReader reader, Analyzers analyzers) {
		this.reader = reader;
		this.analyzers = analyzers;
		// the word must occur in at least this share of documents... none: the corpus may be small
		checker.setThresholdFrequency(0f);
	}

	/** @return the query with misspelled words replaced, or {@code null} when no word needs it */
	String didYouMean(String text) {
		List<QueryFactory.Token> words = QueryFactory.tokens(analyzers.plain, text);
		StringBuilder corrected = new StringBuilder();
		int copied = 0;
		boolean changed = false;
		int offset = 0;
		try {
			for (QueryFactory.Token word : words) {
				int start = text.indexOf(word.raw(), offset);
				offset = start + word.raw().length();
				if (word.term().length() < 4 || !word.term().chars().allMatch(Character::isLetter)
						|| Analyzers.QUERY_STOP_WORDS.contains(word.term())) {
					continue;
				}
				Term term = new Term(SearchIndex.WORDS, word.term());
				if (reader.docFreq(term) > 0) {
					continue;
				}
				SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
				if (suggestions.length == 0) {
					continue;
				}
				corrected.append(text, copied, start).append(suggestions[0].string);
				copied = offset;
				changed = true;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return changed ? corrected.append(text.substring(copied)).toString() : null;
	}

}
