package dev.faqkb.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The bounded caches of one index and their sizes. Each keeps what depends only on its
 * key and the snapshot's index, so a value evicted is computed again, the same; a content
 * change builds a new index with empty caches.
 */
final class Caches {

	/**
	 * Words expanded to their near spellings ({@link Typos}): building a Levenshtein
	 * automaton is costly.
	 */
	static final int TYPO_WORDS = 50_000;

	/** Words respelled for "Did you mean" ({@link Spelling}). */
	static final int RESPELLED_WORDS = 50_000;

	/** Suggestions for the first keystrokes ({@link Suggester}), which everyone types. */
	static final int SHORT_SUGGESTIONS = 10_000;

	/**
	 * Query embeddings ({@link SemanticRetriever}): a few milliseconds of the model each,
	 * asked again per page.
	 */
	static final int QUERY_VECTORS = 10_000;

	/**
	 * Related questions, per question ({@link RelatedQuestions}): asked on every answer
	 * page.
	 */
	static final int RELATED = 20_000;

	private Caches() {
	}

	/**
	 * A cache of at most {@code size} entries, the least useful evicted first (Caffeine's
	 * W-TinyLFU).
	 */
	static <K, V> Cache<K, V> bounded(int size) {
		return Caffeine.newBuilder().maximumSize(size).build();
	}

}
