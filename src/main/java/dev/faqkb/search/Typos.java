package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words of the index within one or two edits of a word. Building a Levenshtein automaton costs far
 * more than a search, so each word is expanded once per snapshot (people type the same words again and
 * again) and the result is shared by every field.
 */
final class Typos {

	/** Alternatives kept per word, the closest and most common first. */
	static final int MAX_ALTERNATIVES = 8;

	/** Bounds the memory of the cache; past it the cache starts again. */
	private static final int MAX_CACHED = 50_000;

	private final Terms terms;

	private final String field;

	private final Map<String, List<Alternative>> cache = new ConcurrentHashMap<>();

	Typos(IndexReader reader, String field) {
		this.field = field;
		try {
			this.terms = MultiTerms.getTerms(reader, field);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Indexed words within {@code edits} of {@code word} (same first letter), without the word itself. */
	List<Alternative> near(String word, int edits) {
		if (terms == null) {
			return List.of();
		}
		if (cache.size() > MAX_CACHED) {
			cache.clear();
		}
		return cache.computeIfAbsent(edits + ":" + word, key -> find(word, edits));
	}

	/**
	 * @param similarity 1 minus the share of the word that had to change (Lucene's fuzzy boost)
	 */
	record Alternative(String term, float similarity) {
	}

	private List<Alternative> find(String word, int edits) {
		record Candidate(String term, float similarity, int docFreq) {
		}
		List<Candidate> found = new ArrayList<>();
		try {
			// prefix length 1: a typo in the first letter is rare, and the expansion stays small
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
			.sorted(Comparator.comparingDouble(Candidate::similarity).reversed()
				.thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed()))
			.limit(MAX_ALTERNATIVES)
			.map(candidate -> new Alternative(candidate.term(), candidate.similarity()))
			.toList();
	}

}
