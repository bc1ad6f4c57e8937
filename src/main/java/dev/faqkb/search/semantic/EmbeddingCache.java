package dev.faqkb.search.semantic;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Embeddings kept in the database ({@code embedding_cache}), keyed by a hash of the model
 * and the text: H2 in the data folder by default, PostgreSQL when several instances share
 * it, so that a new replica starts warm. A row that does not hold a sound vector of this
 * model (wrong length, checksum, not unit length) is reported as damaged, never returned.
 * Each row has a date of use ({@code used_on}, UTC), kept up to date by the instances
 * that use it as {@link UseDays} says, so that rows no instance uses any more can be
 * deleted. Thread-safe.
 */
final class EmbeddingCache {

	/**
	 * What {@link #load} found.
	 *
	 * @param vectors the sound vectors found, by key
	 * @param damaged the keys whose rows are there but unsound
	 * @param due the keys of rows read whose date of use is due for a refresh
	 * ({@link UseDays#due})
	 */
	record Loaded(Map<String, float[]> vectors, List<String> damaged, List<String> due) {
	}

	/** Keys per {@code IN (...)} list: well under every driver's limit on parameters. */
	private static final int CHUNK = 500;

	/** From this many keys on, one pass over the table is faster than looking them up. */
	private static final int SCAN_FROM = 2_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	EmbeddingCache(JdbcTemplate jdbcTemplate) {
		this(jdbcTemplate, Clock.systemUTC());
	}

	EmbeddingCache(JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = JdbcClient.create(jdbcTemplate);
		this.clock = clock;
	}

	/**
	 * Today in UTC, whatever the clock's zone: every instance sharing the database counts
	 * the same days.
	 */
	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** The rows of {@code keys} that are there. */
	Loaded load(List<String> keys) {
		Loaded loaded = new Loaded(new HashMap<>(), new ArrayList<>(), new ArrayList<>());
		LocalDate today = today();
		if (keys.size() > SCAN_FROM) {
			scan(new HashSet<>(keys), loaded, today);
			return loaded;
		}
		for (int from = 0; from < keys.size(); from += CHUNK) {
			List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
			jdbc.sql("SELECT text_key, model, dimensions, vector, checksum, used_on FROM embedding_cache "
					+ "WHERE text_key IN (:keys)")
				.param("keys", chunk)
				.query((rs, row) -> {
					String key = rs.getString(1).strip();
					keep(key, rs, loaded, today);
					return key;
				})
				.list();
		}
		return loaded;
	}

	/**
	 * Every row in one pass, keeping those wanted: much faster for a large cache than
	 * looking the keys up in lists (bench/README.md, "The embedding cache's upkeep").
	 */
	private void scan(Set<String> wanted, Loaded loaded, LocalDate today) {
		jdbcTemplate.query(connection -> {
			PreparedStatement select = connection
				.prepareStatement("SELECT text_key, model, dimensions, vector, checksum, used_on FROM embedding_cache");
			select.setFetchSize(1_000);
			return select;
		}, (ResultSet rs) -> {
			String key = rs.getString(1).strip();
			if (wanted.contains(key)) {
				keep(key, rs, loaded, today);
			}
		});
	}

	/**
	 * A row's sound vector, or its key as damaged, and whether its date is due: one
	 * reading for load and scan.
	 */
	private static void keep(String key, ResultSet rs, Loaded loaded, LocalDate today) throws SQLException {
		float[] vector = VectorBytes.decode(rs.getString(2), rs.getInt(3), rs.getBytes(4), rs.getLong(5));
		if (vector == null) {
			// replaced with a fresh date when embedded again
			loaded.damaged().add(key);
			return;
		}
		loaded.vectors().put(key, vector);
		if (UseDays.due(key, rs.getObject(6, LocalDate.class), today)) {
			loaded.due().add(key);
		}
	}

	/**
	 * Marks the rows of {@code keys} that are there as used today. A row is written only
	 * when its date is older than its last refresh day ({@link UseDays#due}): at most
	 * once a week however often it is marked, and not at all when another instance marked
	 * it first.
	 * @return how many rows were written
	 */
	int markUsed(Collection<String> keys) {
		LocalDate today = today();
		int marked = 0;
		for (Map.Entry<LocalDate, List<String>> sameDay : UseDays.byLastRefresh(keys, today).entrySet()) {
			List<String> due = sameDay.getValue();
			for (int from = 0; from < due.size(); from += CHUNK) {
				marked += jdbc
					.sql("UPDATE embedding_cache SET used_on = :today WHERE used_on < :refresh "
							+ "AND text_key IN (:keys)")
					.param("today", today)
					.param("refresh", sameDay.getKey())
					.param("keys", due.subList(from, Math.min(due.size(), from + CHUNK)))
					.update();
			}
		}
		return marked;
	}

	/**
	 * Deletes the rows that no instance has used for {@link UseDays#UNUSED_DAYS} days;
	 * returns how many.
	 */
	int deleteUnused() {
		return jdbc.sql("DELETE FROM embedding_cache WHERE used_on < :before")
			.param("before", UseDays.unusedBefore(today()))
			.update();
	}

	/**
	 * Stores new vectors, used today; a row another instance stored meanwhile is kept, a
	 * damaged one replaced.
	 */
	void store(Map<String, float[]> vectors, List<String> damaged) {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		LocalDate today = today();
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
		if (!insertAll(fresh, now, today)) {
			for (Map.Entry<String, float[]> entry : fresh.entrySet()) {
				try {
					insert(entry.getKey(), entry.getValue(), now, today);
				}
				catch (DuplicateKeyException storedByAnotherInstance) {
					// same key, same model, same text: the same vector
				}
			}
		}
		for (String key : replace) {
			byte[] bytes = VectorBytes.encode(vectors.get(key));
			jdbc.sql("UPDATE embedding_cache SET model = :model, dimensions = :dimensions, vector = :vector, "
					+ "checksum = :checksum, created_at = :at, used_on = :today WHERE text_key = :key")
				.param("model", SentenceEncoder.MODEL)
				.param("dimensions", vectors.get(key).length)
				.param("vector", bytes)
				.param("checksum", VectorBytes.checksum(bytes))
				.param("at", now)
				.param("today", today)
				.param("key", key)
				.update();
		}
	}

	/**
	 * All rows in one transaction and one batch: a commit per row is slow on H2's file
	 * store (bench/README.md, "The embedding cache's upkeep").
	 * @return {@code false} when nothing was stored because one of the rows was there
	 * already
	 */
	private boolean insertAll(Map<String, float[]> vectors, OffsetDateTime now, LocalDate today) {
		if (vectors.isEmpty()) {
			return true;
		}
		Boolean stored = jdbcTemplate.execute((ConnectionCallback<Boolean>) connection -> {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO embedding_cache (text_key, model, dimensions, vector, checksum, created_at, used_on) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
					byte[] bytes = VectorBytes.encode(entry.getValue());
					insert.setString(1, entry.getKey());
					insert.setString(2, SentenceEncoder.MODEL);
					insert.setInt(3, entry.getValue().length);
					insert.setBytes(4, bytes);
					insert.setLong(5, VectorBytes.checksum(bytes));
					insert.setObject(6, now);
					insert.setObject(7, today);
					insert.addBatch();
				}
				insert.executeBatch();
				connection.commit();
				return true;
			}
			catch (SQLException duplicateOrOther) {
				// most likely another instance stored some of these meanwhile: row by row
				// sorts that out
				connection.rollback();
				return false;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		});
		return Boolean.TRUE.equals(stored);
	}

	private void insert(String key, float[] vector, OffsetDateTime now, LocalDate today) {
		byte[] bytes = VectorBytes.encode(vector);
		jdbc.sql("INSERT INTO embedding_cache (text_key, model, dimensions, vector, checksum, created_at, used_on) "
				+ "VALUES (:key, :model, :dimensions, :vector, :checksum, :at, :today)")
			.param("key", key)
			.param("model", SentenceEncoder.MODEL)
			.param("dimensions", vector.length)
			.param("vector", bytes)
			.param("checksum", VectorBytes.checksum(bytes))
			.param("at", now)
			.param("today", today)
			.update();
	}

}
