package dev.faqkb.search;

/**
 * How the semantic ranking joins the lexical one: the vector side's share of the
 * {@link Fusion} by {@link QueryShape}, and which questions count as found by meaning.
 * Immutable.
 * <p>
 * Two similarity thresholds, because one could not do both jobs: a query whose nearest
 * question is below the {@code gate} means nothing we have (the dev set's queries without
 * an answer reach 0.32–0.33), and gains no results by meaning; a query above it has found
 * its topic, and then questions from the lower {@code floor} on are results by meaning
 * too (answers the dev queries need sit at 0.20–0.34).
 *
 * @param questionWeight the vector side's share for a query that reads as a question
 * @param keywordWeight the vector side's share for keywords
 * @param gate the similarity of a query's nearest question from which its meaning counts
 * at all
 * @param floor once it counts, the similarity from which a question matching no query
 * word is a result
 */
record Blend(float questionWeight, float keywordWeight, float gate, float floor) {

	/**
	 * Chosen on the dev queries and checked on held-out halves of them
	 * ({@code SearchQualityTest}), each value inside a range that ranked the same; of the
	 * floors that did, the highest, which adds the fewest weak results to the totals. The
	 * ranges and how they were found: bench/README.md, "Quality".
	 */
	static final Blend DEFAULT = new Blend(0.8f, 0.2f, 0.37f, 0.30f);

	/**
	 * A translation ranked through its original's vectors ({@link WordTranslation}):
	 * chosen on the French dev queries and checked on held-out halves of them
	 * ({@code TranslatedSearchQualityTest}); bench/README.md, "Quality in other
	 * languages".
	 */
	static final Blend TRANSLATED = new Blend(0.6f, 0.2f, 0.40f, 0.35f);

	Fusion fusion(String query) {
		return new Fusion(QueryShape.of(query) == QueryShape.QUESTION ? questionWeight : keywordWeight);
	}

}
