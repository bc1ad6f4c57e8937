package dev.faqkb.search.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the embedding cache must do on every database it runs on: vectors come back exactly as stored, by a list of
 * keys (a small catalog) and by one pass over the table (from {@code 2,000} keys on), a damaged row is reported and
 * then replaced, and a row another instance stored meanwhile is kept. Subclasses give the database.
 */
abstract class EmbeddingCacheContract {

	/** A database with the application's tables, empty. */
	abstract JdbcTemplate database();

	static float[] unitVector(Random random) {
		float[] vector = new float[SentenceEncoder.DIMENSIONS];
		double norm = 0;
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) random.nextGaussian();
			norm += vector[i] * vector[i];
		}
		for (int i = 0; i < vector.length; i++) {
			vector[i] /= (float) Math.sqrt(norm);
		}
		return vector;
	}

	static Map<String, float[]> vectors(int count) {
		Random random = new Random(count);
		Map<String, float[]> vectors = new HashMap<>();
		for (int i = 0; i < count; i++) {
			vectors.put(Preparation.key("question " + i), unitVector(random));
		}
		return vectors;
	}

	@Test
	void aLargeCatalogReadsBackEveryVectorInOnePass() {
		JdbcTemplate jdbc = database();
		EmbeddingCache cache = new EmbeddingCache(jdbc);
		Map<String, float[]> stored = vectors(2_100);
		cache.store(stored, List.of());
		List<String> wanted = new ArrayList<>(stored.keySet());
		wanted.add(Preparation.key("a question never embedded"));
		List<String> damaged = new ArrayList<>();
		Map<String, float[]> read = cache.load(wanted, damaged);
		assertThat(read).hasSize(stored.size());
		stored.forEach((key, vector) -> assertThat(read.get(key)).containsExactly(vector));
		assertThat(damaged).isEmpty();
		// a small catalog asks for its keys
		List<String> few = wanted.subList(0, 10);
		assertThat(cache.load(few, damaged)).hasSize(10);
	}

	@Test
	void aDamagedRowIsReportedThenReplacedAndAnotherInstancesRowIsKept() {
		JdbcTemplate jdbc = database();
		EmbeddingCache cache = new EmbeddingCache(jdbc);
		Map<String, float[]> stored = vectors(3);
		cache.store(stored, List.of());
		String key = stored.keySet().iterator().next();
		jdbc.update("UPDATE embedding_cache SET checksum = checksum + 1 WHERE text_key = ?", key);
		List<String> damaged = new ArrayList<>();
		assertThat(cache.load(List.copyOf(stored.keySet()), damaged)).hasSize(2).doesNotContainKey(key);
		assertThat(damaged).containsExactly(key);
		// the repaired vector, and the other two again as if another instance had stored them first
		cache.store(stored, damaged);
		List<String> none = new ArrayList<>();
		assertThat(cache.load(List.copyOf(stored.keySet()), none)).hasSize(3);
		assertThat(none).isEmpty();
	}

}
