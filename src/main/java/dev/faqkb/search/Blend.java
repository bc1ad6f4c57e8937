package dev.faqkb.search;

/**
 * How the semantic ranking joins the lexical one: the vector side's share of the {@link Fusion} by
 * {@link QueryShape}, and which questions count as found by meaning. Immutable.
 * <p>
 * Two similarity thresholds, because one could not do both jobs: a query whose nearest question is below the
 * {@code gate} means nothing we have (the dev set's queries without an answer reach 0.32–0.33), and gains no
 * results by meaning; a query above it has found its topic, and then questions from the lower {@code floor} on are
 * results by meaning too (answers the dev queries need sit at 0.20–0.34).
 *
 * @param questionWeight the vector side's share for a query that reads as a question
 * @param keywordWeight the vector side's share for keywords
 * @param gate the similarity of a query's nearest question from which its meaning counts at all
 * @param floor once it counts, the similarity from which a question matching no query word is a result
 */
record Blend(float questionWeight, float keywordWeight, float gate, float floor) {

	/**
	 * Chosen on the dev queries and checked on held-out halves of them (SearchQualityTest, bench/README.md), each
	 * value inside a range that ranked the same. Questions gain from 0.7 to 0.9 of meaning; keywords (and answer
	 * words, "body" queries) rank as well by words alone from 0 to 0.25, and a little meaning still finds an answer
	 * when no word matches. The gate sits in the middle of 0.34 to 0.40: below, the queries without an answer (0.32,
	 * 0.33) gain results by meaning; above, a question whose nearest answer is at 0.41 loses it. Any floor from 0.15
	 * to 0.30 ranked the same; the highest adds the fewest weak results to the totals.
	 */
	static final Blend DEFAULT = new Blend(0.8f, 0.2f, 0.37f, 0.30f);

	Fusion fusion(String query) {
		return new Fusion(QueryShape.of(query) == QueryShape.QUESTION ? questionWeight : keywordWeight);
	}

}
