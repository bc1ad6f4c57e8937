package dev.faqkb.search.semantic;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the embedding cache must do on every database it runs on: vectors come back
 * exactly as stored, by a list of keys (a small catalog) and by one pass over the table
 * (from {@code 2,000} keys on), a damaged row is reported and then replaced, and a row
 * another instance stored meanwhile is kept; each row's date of use is kept and rows no
 * instance has used for 30 days are deleted, whatever the other instances on the same
 * database still use. Subclasses give the database.
 */
abstract class EmbeddingCacheContract {

	static final LocalDate DAY = LocalDate.of(2026, 7, 1);

	/** Flyway for an empty database of its own, nothing migrated yet. */
	abstract FluentConfiguration emptyDatabase();

	/** A database with the application's tables, empty. */
	JdbcTemplate database() {
		FluentConfiguration flyway = emptyDatabase();
		flyway.load().migrate();
		return new JdbcTemplate(flyway.getDataSource());
	}

	/** The cache as an instance sees it on {@code day}. */
	static EmbeddingCache on(JdbcTemplate jdbc, LocalDate day) {
		return new EmbeddingCache(jdbc, Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
	}

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
		return vectors("question ", count);
	}

	static Map<String, float[]> vectors(String prefix, int count) {
		Random random = new Random(count);
		Map<String, float[]> vectors = new HashMap<>();
		for (int i = 0; i < count; i++) {
			vectors.put(Preparation.key(prefix + i), unitVector(random));
		}
		return vectors;
	}

	static LocalDate usedOn(JdbcTemplate jdbc, String key) {
		return jdbc.queryForObject("SELECT used_on FROM embedding_cache WHERE text_key = ?", LocalDate.class, key);
	}

	/** Every row's date of use, by key. */
	static Map<String, LocalDate> dates(JdbcTemplate jdbc) {
		Map<String, LocalDate> dates = new HashMap<>();
		jdbc.query("SELECT text_key, used_on FROM embedding_cache", (ResultSet rs) -> {
			dates.put(rs.getString(1).strip(), rs.getObject(2, LocalDate.class));
		});
		return dates;
	}

	static Set<String> keys(JdbcTemplate jdbc) {
		return dates(jdbc).keySet();
	}

	@Test
	void aLargeCatalogReadsBackEveryVectorInOnePass() {
		JdbcTemplate jdbc = database();
		EmbeddingCache cache = new EmbeddingCache(jdbc);
		Map<String, float[]> stored = vectors(2_100);
		cache.store(stored, List.of());
		List<String> wanted = new ArrayList<>(stored.keySet());
		wanted.add(Preparation.key("a question never embedded"));
		EmbeddingCache.Loaded read = cache.load(wanted);
		assertThat(read.vectors()).hasSize(stored.size());
		stored.forEach((key, vector) -> assertThat(read.vectors().get(key)).containsExactly(vector));
		assertThat(read.damaged()).isEmpty();
		assertThat(read.due()).as("stored today").isEmpty();
		// a small catalog asks for its keys
		List<String> few = wanted.subList(0, 10);
		assertThat(cache.load(few).vectors()).hasSize(10);
	}

	@Test
	void aDamagedRowIsReportedThenReplacedAndAnotherInstancesRowIsKept() {
		JdbcTemplate jdbc = database();
		EmbeddingCache cache = new EmbeddingCache(jdbc);
		Map<String, float[]> stored = vectors(3);
		cache.store(stored, List.of());
		String key = stored.keySet().iterator().next();
		jdbc.update("UPDATE embedding_cache SET checksum = checksum + 1 WHERE text_key = ?", key);
		EmbeddingCache.Loaded read = cache.load(List.copyOf(stored.keySet()));
		assertThat(read.vectors()).hasSize(2).doesNotContainKey(key);
		assertThat(read.damaged()).containsExactly(key);
		// the repaired vector, and the other two again as if another instance had stored
		// them first
		cache.store(stored, read.damaged());
		EmbeddingCache.Loaded again = cache.load(List.copyOf(stored.keySet()));
		assertThat(again.vectors()).hasSize(3);
		assertThat(again.damaged()).isEmpty();
	}

	@Test
	void rowsStoredBeforeTheUpgradeCountAsUsedOnTheDayOfTheMigrationAndTheOldVersionCanStillInsert() {
		FluentConfiguration flyway = emptyDatabase();
		flyway.target("10").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(flyway.getDataSource());
		LocalDate dayBefore = jdbc.queryForObject("SELECT CURRENT_DATE", LocalDate.class);
		String insertAsBefore = "INSERT INTO embedding_cache (text_key, model, dimensions, vector, checksum, created_at) "
				+ "VALUES (?, 'm', 1, ?, 0, TIMESTAMP WITH TIME ZONE '2025-01-10 08:00:00+00')";
		jdbc.update(insertAsBefore, Preparation.key("stored a year before"), new byte[] { 1 });

		flyway.target("latest").load().migrate();

		// an instance still on the previous version during a rolling upgrade inserts
		// without a date
		jdbc.update(insertAsBefore, Preparation.key("stored by the previous version"), new byte[] { 1 });
		LocalDate dayAfter = jdbc.queryForObject("SELECT CURRENT_DATE", LocalDate.class);
		// the database's day, which is the same unless the test runs across midnight
		assertThat(usedOn(jdbc, Preparation.key("stored a year before"))).isIn(dayBefore, dayAfter);
		assertThat(usedOn(jdbc, Preparation.key("stored by the previous version"))).isIn(dayBefore, dayAfter);
	}

	@Test
	void aStoredOrReplacedRowIsUsedToday() {
		JdbcTemplate jdbc = database();
		Map<String, float[]> stored = vectors(2);
		on(jdbc, DAY.minusDays(50)).store(stored, List.of());
		List<String> keys = List.copyOf(stored.keySet());
		assertThat(usedOn(jdbc, keys.get(0))).isEqualTo(DAY.minusDays(50));

		jdbc.update("UPDATE embedding_cache SET checksum = checksum + 1 WHERE text_key = ?", keys.get(0));
		EmbeddingCache today = on(jdbc, DAY);
		today.store(stored, today.load(keys).damaged());

		assertThat(usedOn(jdbc, keys.get(0))).as("replaced").isEqualTo(DAY);
		assertThat(usedOn(jdbc, keys.get(1))).as("kept as it was").isEqualTo(DAY.minusDays(50));
	}

	@Test
	void markingWritesEachRowInUseOnceAWeekSpreadOverTheDaysAndOnlyTheGivenKeys() {
		JdbcTemplate jdbc = database();
		Map<String, float[]> used = vectors("used ", 140);
		Map<String, float[]> others = vectors("not marked ", 10);
		on(jdbc, DAY).store(used, List.of());
		on(jdbc, DAY).store(others, List.of());
		Map<String, Integer> writes = new HashMap<>();
		List<Integer> writtenPerDay = new ArrayList<>();

		for (int day = 1; day <= 14; day++) {
			LocalDate today = DAY.plusDays(day);
			Map<String, LocalDate> before = dates(jdbc);
			int written = on(jdbc, today).markUsed(used.keySet());
			assertThat(on(jdbc, today).markUsed(used.keySet())).as("marked again the same day").isZero();
			writtenPerDay.add(written);
			Map<String, LocalDate> dates = dates(jdbc);
			for (String key : used.keySet()) {
				LocalDate after = dates.get(key);
				assertThat(after).as("a row in use is never dated more than 6 days back")
					.isAfterOrEqualTo(today.minusDays(6));
				if (!after.equals(before.get(key))) {
					assertThat(after).isEqualTo(today);
					writes.merge(key, 1, Integer::sum);
				}
			}
		}

		assertThat(writes).as("each row twice in two weeks")
			.hasSize(used.size())
			.allSatisfy((key, count) -> assertThat(count).isEqualTo(2));
		assertThat(writtenPerDay).as("about a seventh of the rows a day")
			.allSatisfy(count -> assertThat(count).isBetween(5, 40));
		others.keySet().forEach(key -> assertThat(dates(jdbc).get(key)).as("not given").isEqualTo(DAY));
	}

	@Test
	void rowsUnusedFor30DaysAreDeletedWithinAWeekAfterAndRowsAnotherInstanceUsesAreKept() {
		JdbcTemplate jdbc = database();
		Map<String, float[]> shared = vectors("both instances use ", 20);
		Map<String, float[]> oldContent = vectors("only the old content had ", 20);
		LocalDate lastUse = DAY.minusDays(45);
		on(jdbc, lastUse.minusDays(60)).store(shared, List.of());
		on(jdbc, lastUse.minusDays(60)).store(oldContent, List.of());
		for (LocalDate day = lastUse.minusDays(60); !day.isAfter(lastUse); day = day.plusDays(1)) {
			on(jdbc, day).markUsed(oldContent.keySet());
		}
		Map<String, LocalDate> deletedOn = new HashMap<>();

		// from then on the old content's rows are unused; a second instance keeps using
		// the shared ones
		for (LocalDate day = lastUse.plusDays(1); !day.isAfter(DAY); day = day.plusDays(1)) {
			on(jdbc, day).markUsed(shared.keySet());
			on(jdbc, day).deleteUnused();
			Set<String> left = keys(jdbc);
			for (String key : oldContent.keySet()) {
				if (!left.contains(key)) {
					deletedOn.putIfAbsent(key, day);
				}
			}
		}

		assertThat(keys(jdbc)).containsExactlyInAnyOrderElementsOf(shared.keySet());
		assertThat(deletedOn).hasSize(oldContent.size())
			.allSatisfy((key, day) -> assertThat(day).isBetween(lastUse.plusDays(31), lastUse.plusDays(37)));
	}

	@Test
	void deletingKeepsEveryRowDatedWithinTheLast36Days() {
		JdbcTemplate jdbc = database();
		Map<String, float[]> old = vectors("dated 37 days back ", 2);
		Map<String, float[]> kept = vectors("dated 36 days back ", 2);
		on(jdbc, DAY.minusDays(37)).store(old, List.of());
		on(jdbc, DAY.minusDays(36)).store(kept, List.of());
		// a second instance on the same database marks one of the old rows: it is in use
		// again
		String markedByAnother = old.keySet().iterator().next();
		on(jdbc, DAY.minusDays(1)).markUsed(List.of(markedByAnother));

		assertThat(on(jdbc, DAY).deleteUnused()).isEqualTo(1);

		Set<String> expected = new HashSet<>(kept.keySet());
		expected.add(markedByAnother);
		assertThat(keys(jdbc)).containsExactlyInAnyOrderElementsOf(expected);
	}

}
