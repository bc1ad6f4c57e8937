package dev.faqkb.search;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class VectorsTest {

	static final int DIMENSIONS = 384;

	@Test
	void theNearestComeFirstScoredByCosine() {
		float[] x = unit(1, 0, 0);
		float[] y = unit(0, 1, 0);
		float[] xy = unit(1, 1, 0);
		Vectors vectors = Vectors.of(new float[][] { x, y, xy });
		List<ScoredQuestion> nearest = vectors.nearest(unit(1, 0.2f, 0), 3, ordinal -> true);
		assertThat(nearest).extracting(ScoredQuestion::ordinal).containsExactly(0, 2, 1);
		assertThat(nearest.get(0).score()).isCloseTo(0.98f, within(0.01f));
		assertThat(vectors.nearest(unit(1, 0.2f, 0), 3, ordinal -> ordinal != 0)).extracting(ScoredQuestion::ordinal)
			.containsExactly(2, 1);
	}

	@Test
	void vectorsOfDifferentLengthsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Vectors.of(new float[][] { unit(1, 0, 0), { 1, 0 } }))
			.withMessageContaining("3 and 2");
	}

	@Test
	void inALargeCatalogTheSignBitShortlistStillFindsAlmostAllOfTheNearest() {
		// topics as real embeddings have them: clusters around a few hundred directions
		Random random = new Random(7);
		float[][] topics = new float[300][];
		for (int t = 0; t < topics.length; t++) {
			topics[t] = noisy(new float[DIMENSIONS], 1, random);
		}
		float[][] all = new float[Vectors.EXACT_LIMIT * 3 / 2][];
		for (int q = 0; q < all.length; q++) {
			all[q] = noisy(topics[random.nextInt(topics.length)], 0.05, random);
		}
		Vectors vectors = Vectors.of(all);
		int found = 0;
		int wanted = 0;
		for (int i = 0; i < 30; i++) {
			float[] query = noisy(topics[random.nextInt(topics.length)], 0.06, random);
			float[] similarity = new float[all.length];
			for (int q = 0; q < all.length; q++) {
				similarity[q] = vectors.similarity(q, query);
			}
			Set<Integer> exact = new HashSet<>();
			IntStream.range(0, all.length)
				.boxed()
				.sorted((a, b) -> Float.compare(similarity[b], similarity[a]))
				.limit(20)
				.forEach(exact::add);
			for (ScoredQuestion near : vectors.nearest(query, 20, ordinal -> true)) {
				found += exact.contains(near.ordinal()) ? 1 : 0;
			}
			wanted += 20;
		}
		assertThat((double) found / wanted).as("recall of the 20 nearest").isGreaterThanOrEqualTo(0.9);
	}

	private static float[] unit(float... head) {
		float[] vector = new float[head.length];
		double norm = 0;
		for (float value : head) {
			norm += value * value;
		}
		for (int i = 0; i < head.length; i++) {
			vector[i] = (float) (head[i] / Math.sqrt(norm));
		}
		return vector;
	}

	private static float[] noisy(float[] base, double noise, Random random) {
		float[] vector = new float[base.length];
		for (int d = 0; d < base.length; d++) {
			vector[d] = (float) (base[d] + random.nextGaussian() * noise);
		}
		return unit(vector);
	}

}
