package dev.faqkb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One unit-length embedding per question (by ordinal, see {@link Ordinals}), searched by
 * cosine similarity. Immutable and thread-safe.
 * <p>
 * A plain array, not Lucene's HNSW graph: vectors arrive after the index is built
 * (startup never waits for them), and a graph takes far longer to build than this array.
 * Comparing every float vector is too slow for a large catalog, so each vector is kept as
 * bytes (one scale per vector) and, in a large catalog, as one sign bit per dimension
 * around the mean vector: a Hamming distance over those bits picks the {@link #SHORTLIST}
 * nearest, which the byte vectors rank exactly. The options and their figures:
 * bench/README.md, "Where the vectors live, and why".
 */
public final class Vectors {

	/**
	 * Up to this many questions every vector is compared; above it, the sign bits choose
	 * which.
	 */
	static final int EXACT_LIMIT = 20_000;

	/** How many questions the sign bits hand to the exact comparison. */
	static final int SHORTLIST = 2_000;

	private final int dimensions;

	private final int count;

	private final byte[] quantized;

	private final float[] scales;

	// centred sign bits, dimensions / 64 longs per question; null for a small catalog
	private final long[] bits;

	private final float[] mean;

	private final int words;

	private Vectors(int dimensions, float[][] vectors) {
		this.dimensions = dimensions;
		this.count = vectors.length;
		this.quantized = new byte[count * dimensions];
		this.scales = new float[count];
		for (int q = 0; q < count; q++) {
			float[] vector = vectors[q];
			float max = 0;
			for (float value : vector) {
				max = Math.max(max, Math.abs(value));
			}
			float scale = max == 0 ? 1 : max / 127f;
			scales[q] = scale;
			for (int d = 0; d < dimensions; d++) {
				quantized[q * dimensions + d] = (byte) Math.round(vector[d] / scale);
			}
		}
		this.words = (dimensions + 63) / 64;
		this.mean = new float[dimensions];
		if (count > EXACT_LIMIT) {
			for (float[] vector : vectors) {
				for (int d = 0; d < dimensions; d++) {
					mean[d] += vector[d] / count;
				}
			}
			this.bits = new long[count * words];
			for (int q = 0; q < count; q++) {
				signs(vectors[q], bits, q * words);
			}
		}
		else {
			this.bits = null;
		}
	}

	/**
	 * @param vectors unit-length vectors of equal length, one per question ordinal
	 */
	public static Vectors of(float[][] vectors) {
		if (vectors.length == 0) {
			return new Vectors(0, vectors);
		}
		int dimensions = vectors[0].length;
		for (float[] vector : vectors) {
			if (vector.length != dimensions) {
				throw new IllegalArgumentException(
						"vectors of " + dimensions + " and " + vector.length + " dimensions");
			}
		}
		return new Vectors(dimensions, vectors);
	}

	int size() {
		return count;
	}

	/** The vector of a question, as kept (to within the byte rounding). */
	float[] vector(int ordinal) {
		float[] vector = new float[dimensions];
		for (int d = 0; d < dimensions; d++) {
			vector[d] = quantized[ordinal * dimensions + d] * scales[ordinal];
		}
		return vector;
	}

	/** Cosine similarity of a question and a unit-length query vector. */
	float similarity(int ordinal, float[] query) {
		int offset = ordinal * dimensions;
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int d = 0;
		// four sums so that the CPU adds in parallel
		for (; d + 3 < dimensions; d += 4) {
			s0 += quantized[offset + d] * query[d];
			s1 += quantized[offset + d + 1] * query[d + 1];
			s2 += quantized[offset + d + 2] * query[d + 2];
			s3 += quantized[offset + d + 3] * query[d + 3];
		}
		for (; d < dimensions; d++) {
			s0 += quantized[offset + d] * query[d];
		}
		return (s0 + s1 + s2 + s3) * scales[ordinal];
	}

	/**
	 * The {@code limit} questions most similar to {@code query}, most similar first,
	 * scored by cosine.
	 * @param accept which ordinals may be returned
	 */
	List<ScoredQuestion> nearest(float[] query, int limit, IntPredicate accept) {
		if (count == 0 || limit <= 0) {
			return List.of();
		}
		List<ScoredQuestion> scored = new ArrayList<>();
		if (bits == null) {
			for (int q = 0; q < count; q++) {
				if (accept.test(q)) {
					scored.add(new ScoredQuestion(q, similarity(q, query)));
				}
			}
		}
		else {
			for (int q : shortlist(query)) {
				if (accept.test(q)) {
					scored.add(new ScoredQuestion(q, similarity(q, query)));
				}
			}
		}
		scored.sort(Comparator.comparingDouble(ScoredQuestion::score).reversed());
		return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
	}

	/**
	 * The ordinals of the {@link #SHORTLIST} questions whose sign bits differ least from
	 * the query's.
	 */
	private int[] shortlist(float[] query) {
		long[] mine = new long[words];
		signs(query, mine, 0);
		int[] distance = new int[count];
		int[] histogram = new int[dimensions + 1];
		for (int q = 0; q < count; q++) {
			int differ = 0;
			int offset = q * words;
			for (int w = 0; w < words; w++) {
				differ += Long.bitCount(bits[offset + w] ^ mine[w]);
			}
			distance[q] = differ;
			histogram[differ]++;
		}
		// the largest distance that still fits the shortlist: a counting selection, no
		// sort of all questions
		int cut = 0;
		for (int taken = 0; cut <= dimensions && taken + histogram[cut] <= SHORTLIST; cut++) {
			taken += histogram[cut];
		}
		int[] chosen = new int[SHORTLIST + histogram[Math.min(cut, dimensions)]];
		int n = 0;
		for (int q = 0; q < count; q++) {
			if (distance[q] <= cut && n < chosen.length) {
				chosen[n++] = q;
			}
		}
		return Arrays.copyOf(chosen, n);
	}

	private void signs(float[] vector, long[] into, int offset) {
		for (int d = 0; d < dimensions; d++) {
			if (vector[d] > mean[d]) {
				into[offset + d / 64] |= 1L << (d % 64);
			}
		}
	}

}
