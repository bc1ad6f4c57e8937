package dev.faqkb.search;

import java.util.List;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * The meaning side of search: the query's embedding against every question's
 * ({@link Vectors}). Its ranking is fused with the lexical one by the {@link Blend}.
 * Thread-safe: it only reads.
 */
final class SemanticRetriever {

	/**
	 * A related question (answer pages, the 404 page) is one at least this similar: above
	 * the best similarity of the dev set's queries that have no answer (0.33).
	 */
	static final float RELATED_FLOOR = 0.35f;

	/**
	 * The nearest questions that join the lexical ranking; more only adds weak
	 * neighbours.
	 */
	static final int CANDIDATES = 20;

	private final Vectors vectors;

	private final Function<String, float[]> encoder;

	private final Cache<String, float[]> embedded = Caches.bounded(Caches.QUERY_VECTORS);

	SemanticRetriever(Vectors vectors, Function<String, float[]> encoder) {
		this.vectors = vectors;
		this.encoder = encoder;
	}

	/** The questions' vectors. */
	Vectors vectors() {
		return vectors;
	}

	/** The query encoder. */
	Function<String, float[]> encoder() {
		return encoder;
	}

	/** The unit-length embedding of a query. */
	float[] embed(String query) {
		return embedded.get(query, encoder);
	}

	/**
	 * The questions nearest to an embedded query, most similar first, scored by cosine
	 * similarity.
	 */
	List<ScoredQuestion> nearest(float[] query) {
		return vectors.nearest(query, CANDIDATES, ordinal -> true);
	}

	float similarity(int ordinal, float[] query) {
		return vectors.similarity(ordinal, query);
	}

	/**
	 * Questions nearest in meaning to the question of {@code ordinal}, never itself, from
	 * the floor up.
	 */
	List<ScoredQuestion> neighbours(int ordinal, int limit) {
		float[] self = vectors.vector(ordinal);
		return vectors.nearest(self, limit + 1, other -> other != ordinal)
			.stream()
			.filter(near -> near.score() >= RELATED_FLOOR)
			.limit(limit)
			.toList();
	}

}
