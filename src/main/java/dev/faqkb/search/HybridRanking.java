package dev.faqkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lexical ranking joined by the semantic one: the nearest questions in meaning are
 * blended in by the {@link Blend} for the query's {@link QueryShape}; those that match no
 * query word count only when the query's meaning does and they are similar enough (and
 * then add to the total and facets); a question typed exactly stays first. Thread-safe.
 */
final class HybridRanking {

	private final LexicalRetriever lexical;

	private final SemanticRetriever semantic;

	private final Ordinals ordinals;

	private final Blend blend;

	HybridRanking(Ordinals ordinals, LexicalRetriever lexical, SemanticRetriever semantic, Blend blend) {
		this.blend = blend;
		this.lexical = lexical;
		this.semantic = semantic;
		this.ordinals = ordinals;
	}

	/**
	 * @param lexicalRanking the lexical ranking, best first (empty when nothing matches a
	 * word)
	 * @param counts the lexical matches per category: questions found by meaning alone
	 * are added
	 * @param category only this category, or {@code null}
	 */
	Result rank(String query, QueryFactory.Planned planned, List<ScoredQuestion> lexicalRanking, long[] counts,
			String category) throws IOException {
		float[] embedded = semantic.embed(query);
		List<ScoredQuestion> near = semantic.nearest(embedded);
		// below the gate the query means nothing we have: only its words find results
		float floor = near.isEmpty() || near.get(0).score() < blend.gate() ? Float.POSITIVE_INFINITY : blend.floor();
		Set<Integer> lexicalMatches = new HashSet<>();
		lexicalRanking.forEach(entry -> lexicalMatches.add(entry.ordinal()));
		List<ScoredQuestion> unknown = near.stream()
			.filter(entry -> !lexicalMatches.contains(entry.ordinal()))
			.toList();
		boolean[] matching = lexical.matching(planned, unknown.stream().map(ScoredQuestion::ordinal).toList());
		Set<Integer> meaningOnly = new HashSet<>();
		for (int i = 0; i < matching.length; i++) {
			int ordinal = unknown.get(i).ordinal();
			if (matching[i]) {
				lexicalMatches.add(ordinal);
			}
			// nearest() scored it by the same similarity to the same embedding
			else if (unknown.get(i).score() >= floor) {
				meaningOnly.add(ordinal);
				counts[ordinals.category(ordinal)]++;
			}
		}
		List<ScoredQuestion> second = near.stream().filter(entry -> inCategory(entry.ordinal(), category)).toList();
		List<ScoredQuestion> fused = new ArrayList<>();
		for (ScoredQuestion entry : blend.fusion(query).fuse(lexicalRanking, second)) {
			// a neighbour that matches neither a word nor the floor of meaning is no
			// result
			if (lexicalMatches.contains(entry.ordinal()) || meaningOnly.contains(entry.ordinal())) {
				fused.add(entry);
			}
		}
		keepExactFirst(query, lexicalRanking, fused);
		return new Result(fused, lexicalMatches, embedded, floor);
	}

	private boolean inCategory(int ordinal, String category) {
		// a question's category is the id of the catalog category that holds it
		return category == null || ordinals.question(ordinal).category().equals(category);
	}

	/**
	 * The question typed exactly (the lexical ranking puts it first) stays first whatever
	 * the vectors say.
	 */
	private void keepExactFirst(String query, List<ScoredQuestion> lexicalRanking, List<ScoredQuestion> fused) {
		if (lexicalRanking.isEmpty() || fused.isEmpty()) {
			return;
		}
		int top = lexicalRanking.get(0).ordinal();
		boolean typedExactly = IndexSchema.normalize(query)
			.equals(IndexSchema.normalize(ordinals.question(top).text()));
		if (fused.get(0).ordinal() != top && typedExactly) {
			ScoredQuestion exact = fused.stream().filter(entry -> entry.ordinal() == top).findFirst().orElseThrow();
			fused.remove(exact);
			fused.add(0, new ScoredQuestion(top, Math.max(exact.score(), fused.get(0).score())));
		}
	}

	/** How each question of a page matched: by words, by meaning, or both. */
	Match match(int ordinal, Result result) {
		return Match.of(result.lexicalMatches().contains(ordinal),
				semantic.similarity(ordinal, result.embedded()) >= result.floor());
	}

	/**
	 * @param ranking best first
	 * @param lexicalMatches questions of the ranking known to match by words
	 * @param embedded the query's embedding
	 * @param floor the similarity from which a question matched by meaning (infinite when
	 * the query's meaning does not count)
	 */
	record Result(List<ScoredQuestion> ranking, Set<Integer> lexicalMatches, float[] embedded, float floor) {
	}

}
