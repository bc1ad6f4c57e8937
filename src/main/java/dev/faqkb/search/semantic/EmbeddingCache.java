package dev.faqkb.search.semantic;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Embeddings kept in the database ({@code embedding_cache}), keyed by a hash of the model and the text: H2 in
 * the data folder by default, PostgreSQL when several instances share it, so that a new replica starts warm.
 * A row that does not hold a sound vector of this model (wrong length, checksum, not unit length) is
 * reported as damaged, never returned. Thread-safe.
 */
final class EmbeddingCache {

	/** Keys per {@code IN (...)} list: well under every driver's limit on parameters. */
	private static final int CHUNK = 500;

	/** From this many keys on, one pass over the table is faster than looking them up. */
	private static final int SCAN_FROM = 2_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	EmbeddingCache(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	/**
	 * @param keys the keys wanted
	 * @param damaged receives the keys whose rows are there but unsound
	 * @return the sound vectors found, by key
	 */
	Map<String, float[]> load(List<String> keys, List<String> damaged) {
		if (keys.size() > SCAN_FROM) {
			return scan(new HashSet<>(keys), damaged);
		}
		Map<String, float[]> found = new HashMap<>();
		for (int from = 0; from < keys.size(); from += CHUNK) {
			List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
			jdbc.sql("SELECT text_key, model, dimensions, vector, checksum FROM embedding_cache WHERE text_key IN (:keys)")
				.param("keys", chunk)
				.query((rs, row) -> {
					String key = rs.getString(1).strip();
					keep(key, rs, found, damaged);
					return key;
				})
				.list();
		}
		return found;
	}

	/** Every row in one pass, keeping those wanted: at 100,000 rows 0.2–2 s where lists of keys took 7–12 s. */
	private Map<String, float[]> scan(Set<String> wanted, List<String> damaged) {
		Map<String, float[]> found = new HashMap<>();
		jdbcTemplate.query(connection -> {
			PreparedStatement select = connection.prepareStatement(
					"SELECT text_key, model, dimensions, vector, checksum FROM embedding_cache");
			select.setFetchSize(1_000);
			return select;
		}, (ResultSet rs) -> {
			String key = rs.getString(1).strip();
			if (wanted.contains(key)) {
				keep(key, rs, found, damaged);
			}
		});
		return found;
	}

	/** A row's sound vector into {@code found}, or its key into {@code damaged}: one reading for load and scan. */
	private static void keep(String key, ResultSet rs, Map<String, float[]> found, List<String> damaged)
			throws SQLException {
		float[] vector = decode(rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getLong(5));
		if (vector == null) {
			damaged.add(key);
		}
		else {
			found.put(key, vector);
		}
	}

	/** Stores new vectors; a row another instance stored meanwhile is kept, a damaged one replaced. */
	void store(Map<String, float[]> vectors, List<String> damaged) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<String> replace = new ArrayList<>();
		Map<String, float[]> fresh = new HashMap<>();
		// looked up once per vector: a list's contains would make this quadratic
		Set<String> damagedKeys = new HashSet<>(damaged);
		vectors.forEach((key, vector) -> {
			if (damagedKeys.contains(key)) {
				replace.add(key);
			}
			else {
				fresh.put(key, vector);
			}
		});
		if (!insertAll(fresh, now)) {
			for (Map.Entry<String, float[]> entry : fresh.entrySet()) {
				try {
					insert(entry.getKey(), entry.getValue(), now);
				}
				catch (DuplicateKeyException storedByAnotherInstance) {
					// same key, same model, same text: the same vector
				}
			}
		}
		for (String key : replace) {
			byte[] bytes = encode(vectors.get(key));
			jdbc.sql("UPDATE embedding_cache SET model = :model, dimensions = :dimensions, vector = :vector, "
					+ "checksum = :checksum, created_at = :at WHERE text_key = :key")
				.param("model", SentenceEncoder.MODEL)
				.param("dimensions", vectors.get(key).length)
				.param("vector", bytes)
				.param("checksum", checksum(bytes))
				.param("at", now)
				.param("key", key)
				.update();
		}
	}

	/**
	 * All rows in one transaction and one batch: committing row by row cost 20 ms a row on H2's file store.
	 *
	 * @return {@code false} when nothing was stored because one of the rows was there already
	 */
	private boolean insertAll(Map<String, float[]> vectors, OffsetDateTime now) {
		if (vectors.isEmpty()) {
			return true;
		}
		Boolean stored = jdbcTemplate.execute((ConnectionCallback<Boolean>) connection -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO embedding_cache (text_key, model, dimensions, vector, checksum, created_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?)")) {
				for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
					byte[] bytes = encode(entry.getValue());
					insert.setString(1, entry.getKey());
					insert.setString(2, SentenceEncoder.MODEL);
					insert.setInt(3, entry.getValue().length);
					insert.setBytes(4, bytes);
					insert.setLong(5, checksum(bytes));
					insert.setObject(6, now);
					insert.addBatch();
				}
				insert.executeBatch();
				connection.commit();
				return true;
			}
			catch (SQLException duplicateOrOther) {
				// most likely another instance stored some of these meanwhile: row by row sorts that out
				connection.rollback();
				return false;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		});
		return Boolean.TRUE.equals(stored);
	}

	private void insert(String key, float[] vector, OffsetDateTime now) {
		byte[] bytes = encode(vector);
		jdbc.sql("INSERT INTO embedding_cache (text_key, model, dimensions, vector, checksum, created_at) "
				+ "VALUES (:key, :model, :dimensions, :vector, :checksum, :at)")
			.param("key", key)
			.param("model", SentenceEncoder.MODEL)
			.param("dimensions", vector.length)
			.param("vector", bytes)
			.param("checksum", checksum(bytes))
			.param("at", now)
			.update();
	}

	static byte[] encode(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
		for (float value : vector) {
			buffer.putFloat(value);
		}
		return buffer.array();
	}

	/** The vector of a row, or {@code null} when the row is not a sound vector of this model. */
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
