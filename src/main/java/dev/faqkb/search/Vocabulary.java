package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * What the index knows about a word of a query, from the field of every word
 * ({@link IndexSchema#ALL}): in how many questions it occurs, how much finding it says,
 * and which known words an unknown one is made of. Thread-safe: it only reads.
 */
final class Vocabulary {

	private final IndexReader reader;

	private final Analyzers analyzers;

	Vocabulary(IndexReader reader, Analyzers analyzers) {
		this.reader = reader;
		this.analyzers = analyzers;
	}

	/** In how many questions (with their section and answer) the analysed word occurs. */
	int docFreq(String term) {
		try {
			return reader.docFreq(new Term(IndexSchema.ALL, term));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean isKnown(Token token) {
		return docFreq(token.term()) > 0;
	}

	/**
	 * How much finding this word says, from 1 for a word in one question (or none: a
	 * typo, a prefix) down to near 0 for a word in every question: BM25's idf relative to
	 * the rarest word's. Without it a common word of a natural question ("code",
	 * "program") counts as much as the rare word the question is about.
	 */
	float rarity(Token token) {
		int docFreq = Math.max(1, docFreq(token.term()));
		return (float) (idf(docFreq) / idf(1));
	}

	private double idf(int docFreq) {
		return Math.log(1 + (reader.numDocs() - docFreq + 0.5) / (docFreq + 0.5));
	}

	/**
	 * An unknown word made of two known ones ("superclass"): its parts; otherwise
	 * nothing.
	 */
	List<Token> split(Token token) {
		String raw = token.raw().toLowerCase(Locale.ROOT);
		if (token.synonym() || raw.length() < 6 || !token.isWord() || isKnown(token)) {
			return List.of();
		}
		List<Token> best = List.of();
		int bestFreq = 0;
		for (int i = 3; i <= raw.length() - 3; i++) {
			List<Token> left = analyzers.indexTokens(raw.substring(0, i));
			List<Token> right = analyzers.indexTokens(raw.substring(i));
			if (left.size() != 1 || right.size() != 1) {
				continue;
			}
			// the split whose rarer part is most common: the likeliest reading
			int freq = Math.min(docFreq(left.get(0).term()), docFreq(right.get(0).term()));
			if (freq > bestFreq) {
				bestFreq = freq;
				best = List.of(new Token(left.get(0).term(), left.get(0).raw(), token.position(), false),
						new Token(right.get(0).term(), right.get(0).raw(), token.position(), false));
			}
		}
		return best;
	}

}
