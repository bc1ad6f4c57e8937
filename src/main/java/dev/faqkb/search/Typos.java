package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words of the index within one or two edits of a word. Building a Levenshtein
 * automaton costs far more than a search, so each word is expanded once per snapshot
 * (people type the same words again and again) and the result is shared by every field.
 * How long a word may be and how many alternatives it keeps are the
 * {@link QueryBudget}'s; how many words of a query are expanded is counted by its caller.
 */
final class Typos {

	/**
	 * Words shorter than this are not treated as possible typos (too many near
	 * neighbours).
	 */
	static final int MIN_LENGTH = 4;

	/** Words at least this long may have two typos. */
	static final int TWO_TYPOS_LENGTH = 8;

	private final Terms terms;

	private final String field;

	private final QueryBudget budget;

	private final Cache<String, List<Alternative>> cache = Caches.bounded(Caches.TYPO_WORDS);

	Typos(IndexReader reader, String field, QueryBudget budget) {
		this.field = field;
		this.budget = budget;
		try {
			this.terms = MultiTerms.getTerms(reader, field);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a typo is looked for in this word: a word of letters, long enough, that no
	 * synonym rule made.
	 */
	static boolean mayBeTypo(Token token) {
		return !token.synonym() && token.isWord() && token.length() >= MIN_LENGTH;
	}

	/**
	 * Whether {@link #near} looks for alternatives of this word: it may be a typo and is
	 * not too long.
	 */
	boolean expands(Token token) {
		return terms != null && mayBeTypo(token) && token.length() <= budget.maxTypoLength();
	}

	/**
	 * Indexed words within one edit of {@code token} (two for long words), same first
	 * letter, without the word itself, at most the budget's number; none when the word is
	 * not {@linkplain #expands expanded}.
	 */
	List<Alternative> near(Token token) {
		if (!expands(token)) {
			return List.of();
		}
		int edits = token.length() >= TWO_TYPOS_LENGTH ? 2 : 1;
		return cache.get(edits + ":" + token.term(), key -> find(token.term(), edits));
	}

	/**
	 * @param similarity 1 minus the share of the word that had to change (Lucene's fuzzy
	 * boost)
	 */
	record Alternative(String term, float similarity) {
	}

	private List<Alternative> find(String word, int edits) {
		record Candidate(String term, float similarity, int docFreq) {
		}
		List<Candidate> found = new ArrayList<>();
		try {
			// prefix length 1: a typo in the first letter is rare, and the expansion
			// stays small
			FuzzyTermsEnum fuzzy = new FuzzyTermsEnum(terms, new Term(field, word), edits, 1, true);
			BytesRef term;
			while ((term = fuzzy.next()) != null) {
				String text = term.utf8ToString();
				if (!text.equals(word)) {
					found.add(new Candidate(text, Math.max(0.05f, Math.min(1f, fuzzy.getBoost())), fuzzy.docFreq()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found.stream()
			.sorted(Comparator.comparingDouble(Candidate::similarity)
				.reversed()
				.thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed()))
			.limit(budget.maxAlternatives())
			.map(candidate -> new Alternative(candidate.term(), candidate.similarity()))
			.toList();
	}

}
