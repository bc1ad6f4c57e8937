package dev.faqkb.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Where the results of a search stop: every question that shares one common word with a
 * plain question matches it, but only those near the best are results. A question is a
 * result when it has every word of the query (so a precise query keeps all its answers),
 * when its words score at least {@link #SHARE} of the best words score, or when its
 * meaning matched the query (the blend's floor, only for a query whose meaning counts at
 * all) and its blended score is at least the same share of the best one. The total and
 * the facets count the results by the same rule, so the pages, the total and the category
 * chips agree. When every question of the ranked window passes and more match beyond it
 * (a one-word query that many questions share evenly), the rule cannot see where
 * relevance stops, and every match is a result, as counted. Why this share and how it was
 * measured: bench/README.md, "Where results stop". Immutable.
 */
final class Relevance {

	/**
	 * The share of the best words score from which a question is a result by its words.
	 */
	static final float SHARE = 0.4f;

	private final Ordinals ordinals;

	Relevance(Ordinals ordinals) {
		this.ordinals = ordinals;
	}

	/**
	 * The results of a ranking, in its order.
	 * @param ranking best first: the lexical ranking, or the blend of it with meaning
	 * @param lexical the lexical ranking (its scores are the words scores)
	 * @param everyWord the questions that have every word of the query
	 * @param match how each question matched
	 * @param matches how many questions match at all, the window included
	 * @return the results and their counts per category, or {@code null} when the rule
	 * cannot see where relevance stops within the ranking: every match is a result then
	 */
	Kept keep(List<ScoredQuestion> ranking, List<ScoredQuestion> lexical, BitSet everyWord, IntFunction<Match> match,
			long matches) {
		if (ranking.isEmpty()) {
			return new Kept(ranking, new long[ordinals.categories()]);
		}
		Map<Integer, Float> words = new HashMap<>();
		float best = 0;
		for (ScoredQuestion entry : lexical) {
			words.put(entry.ordinal(), entry.score());
			best = Math.max(best, entry.score());
		}
		float byWords = SHARE * best;
		float byMeaning = SHARE * ranking.get(0).score();
		List<ScoredQuestion> kept = new ArrayList<>();
		for (ScoredQuestion entry : ranking) {
			Float score = words.get(entry.ordinal());
			if (everyWord.get(entry.ordinal()) || (score != null && score >= byWords)
					|| (entry.score() >= byMeaning && match.apply(entry.ordinal()) != Match.LEXICAL)) {
				kept.add(entry);
			}
		}
		if (kept.size() == ranking.size() && ranking.size() < matches) {
			return null;
		}
		long[] counts = new long[ordinals.categories()];
		kept.forEach(entry -> counts[ordinals.category(entry.ordinal())]++);
		return new Kept(kept, counts);
	}

	/**
	 * @param ranking the results, best first
	 * @param counts the results per category position
	 */
	record Kept(List<ScoredQuestion> ranking, long[] counts) {
	}

}
