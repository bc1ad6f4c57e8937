package dev.faqkb.search.semantic;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A vector as the embedding cache stores it: big-endian float32 values and their CRC32. A
 * row that does not hold a sound vector of this model (another model, wrong length,
 * checksum, not unit length) decodes to {@code null}.
 */
final class VectorBytes {

	private VectorBytes() {
	}

	static byte[] encode(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
		for (float value : vector) {
			buffer.putFloat(value);
		}
		return buffer.array();
	}

	/**
	 * The vector of a row, or {@code null} when the row is not a sound vector of this
	 * model.
	 */
	static float[] decode(String model, int dimensions, byte[] bytes, long checksum) {
		if (!SentenceEncoder.MODEL.equals(model) || dimensions != SentenceEncoder.DIMENSIONS || bytes == null
				|| bytes.length != dimensions * Float.BYTES || checksum(bytes) != checksum) {
			return null;
		}
		float[] vector = new float[dimensions];
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		double norm = 0;
		for (int i = 0; i < dimensions; i++) {
			vector[i] = buffer.getFloat();
			norm += vector[i] * vector[i];
		}
		// NaN fails this too
		return Math.abs(norm - 1) < 1e-3 ? vector : null;
	}

	static long checksum(byte[] bytes) {
		CRC32 crc = new CRC32();
		crc.update(bytes);
		return crc.getValue();
	}

}
