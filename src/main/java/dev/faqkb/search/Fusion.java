package dev.faqkb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the rankings of the retrievers into one: a convex blend of scores, each
 * ranking's scores first scaled to 0..1 (best 1, worst 0) so that neither side wins by
 * its units alone. A question missing from a ranking gets 0 from it. With a weight of 0
 * for the second ranking, or no second ranking, the lexical ranking comes back as it is,
 * scores included. Immutable.
 */
final class Fusion {

	/** Lexical ranking only: the ranking search has today. */
	static final Fusion LEXICAL_ONLY = new Fusion(0f);

	private final float secondWeight;

	/**
	 * @param secondWeight the share of the second ranking (for example semantic) in the
	 * blend, 0 to 1; the lexical ranking has the rest
	 */
	Fusion(float secondWeight) {
		if (!(secondWeight >= 0f && secondWeight <= 1f)) {
			throw new IllegalArgumentException("weight must be between 0 and 1: " + secondWeight);
		}
		this.secondWeight = secondWeight;
	}

	/**
	 * @param lexical the lexical ranking, best first
	 * @param second another retriever's ranking of the same questions, best first; empty
	 * when there is none
	 * @return one ranking, best first; equal blends keep the order in which the rankings
	 * name them
	 */
	List<ScoredQuestion> fuse(List<ScoredQuestion> lexical, List<ScoredQuestion> second) {
		if (second.isEmpty() || secondWeight == 0f) {
			return lexical;
		}
		Map<Integer, Float> blend = new LinkedHashMap<>();
		add(blend, lexical, 1f - secondWeight);
		add(blend, second, secondWeight);
		List<ScoredQuestion> fused = new ArrayList<>(blend.size());
		blend.forEach((ordinal, score) -> fused.add(new ScoredQuestion(ordinal, score)));
		// a stable sort: ties stay in the order the rankings gave them
		fused.sort(Comparator.comparingDouble(ScoredQuestion::score).reversed());
		return fused;
	}

	private static void add(Map<Integer, Float> blend, List<ScoredQuestion> ranking, float weight) {
		float max = Float.NEGATIVE_INFINITY;
		float min = Float.POSITIVE_INFINITY;
		for (ScoredQuestion entry : ranking) {
			max = Math.max(max, entry.score());
			min = Math.min(min, entry.score());
		}
		float range = max - min;
		for (ScoredQuestion entry : ranking) {
			// one score, or all equal: each is as good as the best
			float normalized = range > 0 ? (entry.score() - min) / range : 1f;
			blend.merge(entry.ordinal(), weight * normalized, Float::sum);
		}
	}

}
