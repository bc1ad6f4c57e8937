package dev.faqkb.search;

/**
 * One entry of a ranking: what every retriever returns (a list of these, best first),
 * what fusion merges, and what a page shows.
 *
 * @param ordinal the question's position in {@code Catalog.questions()} (see
 * {@link Ordinals})
 * @param score higher is better; comparable only within one ranking
 */
record ScoredQuestion(int ordinal, float score) {
}
