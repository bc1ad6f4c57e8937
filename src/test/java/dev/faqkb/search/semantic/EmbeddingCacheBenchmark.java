package dev.faqkb.search.semantic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;

import dev.faqkb.TestDatabases;
import dev.faqkb.content.Question;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedding cache's upkeep at catalog scale: how long marking a catalog's keys as
 * used takes, what it writes, the daily run's key recomputation, and the deletion. On an
 * H2 file database in a temporary folder, and on PostgreSQL too when
 * {@code FAQKB_TEST_POSTGRES_URL} names a server (a schema of its own). Compares a week
 * of the weekly refresh ({@link UseDays}) with a week of writing every row daily, a
 * {@code VACUUM} after each day on PostgreSQL standing in for autovacuum. Not a test; see
 * bench/README.md: <pre>
 * ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.faqkb.search.semantic.EmbeddingCacheBenchmark
 * </pre>
 */
final class EmbeddingCacheBenchmark {

	private static final LocalDate DAY = LocalDate.of(2026, 7, 1);

	private EmbeddingCacheBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		System.out.printf(Locale.ROOT, "%,d rows, %d cores, Java %s, load average %s%n", rows,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
		List<String> keys = new ArrayList<>(rows);
		for (int i = 0; i < rows; i++) {
			keys.add(Preparation.key("question " + i));
		}
		keyRecomputation(rows);
		Path folder = Files.createTempDirectory("faqkb-cache-bench");
		JdbcTemplate h2 = SemanticFixture.h2Database(folder);
		run("H2", h2, keys, () -> h2Size(folder));
		// H2 appends what it writes and frees the old chunks later, in the background: a
		// file a day of runs
		// apart does not hold all of the above; BENCH_IDLE_SECONDS shows what the
		// database makes of it idle
		int idle = Integer.parseInt(System.getenv().getOrDefault("BENCH_IDLE_SECONDS", "0"));
		for (int waited = 0; waited < idle; waited += 30) {
			Thread.sleep(30_000);
			System.out.printf(Locale.ROOT, "H2 after %d s idle: size %,.1f MB%n", waited + 30, h2Size(folder));
		}
		// the file grows to gigabytes when days follow each other at once
		((HikariDataSource) h2.getDataSource()).close();
		try (var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(folder);
		if (TestDatabases.postgresUrl() != null) {
			Map<String, String> schema = TestDatabases.freshPostgresSchema();
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(schema.get("spring.datasource.url"));
			pool.setUsername(schema.get("spring.datasource.username"));
			pool.setPassword(schema.get("spring.datasource.password"));
			Flyway.configure().dataSource(pool).schemas(schema.get("spring.flyway.schemas")).load().migrate();
			JdbcTemplate jdbc = new JdbcTemplate(pool);
			run("PostgreSQL", jdbc, keys, () -> tableSize(jdbc));
			pool.close();
		}
		else {
			System.out.println("PostgreSQL skipped: FAQKB_TEST_POSTGRES_URL is not set");
		}
	}

	/**
	 * The daily run works each key out again: the embedded text (with compounds spelled
	 * out), then SHA-256.
	 */
	private static void keyRecomputation(int rows) {
		Compounds compounds = SemanticFixture.model().compounds();
		Random random = new Random(1);
		String[] words = ("how do I use the atexit module with sys argv when a thread pool raises an exception "
				+ "inside a generator of bytes and strings on windows linux or macos python version")
			.split(" ");
		List<Question> questions = new ArrayList<>(rows);
		for (int i = 0; i < rows; i++) {
			questions.add(new Question("c", "q" + i, sentence(random, words, 10) + "?", "s", "",
					sentence(random, words, 90), Path.of("c.md"), 1, false, ""));
		}
		for (int round = 0; round < 3; round++) {
			long start = System.nanoTime();
			long length = 0;
			for (Question question : questions) {
				length += Preparation.key(Preparation.text(question, compounds)).length();
			}
			System.out.printf(Locale.ROOT, "key recomputation, round %d: %,d ms (%d chars)%n", round + 1,
					(System.nanoTime() - start) / 1_000_000, length);
		}
	}

	private static void run(String name, JdbcTemplate jdbc, List<String> keys, SizeProbe size) {
		System.out.println("--- " + name);
		EmbeddingCache stored = on(jdbc, DAY);
		long start = System.nanoTime();
		Random random = new Random(2);
		float[][] some = new float[64][];
		for (int i = 0; i < some.length; i++) {
			some[i] = EmbeddingCacheContract.unitVector(random);
		}
		for (int from = 0; from < keys.size(); from += 1_000) {
			Map<String, float[]> batch = new HashMap<>();
			for (String key : keys.subList(from, Math.min(keys.size(), from + 1_000))) {
				batch.put(key, some[batch.size() % some.length]);
			}
			stored.store(batch, List.of());
		}
		report(name, "fill", start, keys.size(), jdbc, size);

		// two weeks of daily runs: each day the seventh of the rows whose refresh day it
		// is
		for (int day = 1; day <= 14; day++) {
			LocalDate today = DAY.plusDays(day);
			measure(name, "weekly refresh, day " + day, jdbc, size, () -> on(jdbc, today).markUsed(keys));
		}
		measure(name, "mark all again the same day, none due", jdbc, size,
				() -> on(jdbc, DAY.plusDays(14)).markUsed(keys));
		for (int day = 15; day <= 21; day++) {
			LocalDate today = DAY.plusDays(day);
			measure(name, "every row daily (as first designed), day " + day, jdbc, size,
					() -> everyRow(jdbc, keys, today));
		}
		// rows unmarked for a week or more, e.g. a content rolled back to: the most one
		// mark writes
		measure(name, "mark all, every row due (day 40)", jdbc, size, () -> on(jdbc, DAY.plusDays(40)).markUsed(keys));
		// a tenth of the rows left unused: what a month of edits to a tenth of the
		// questions leaves
		List<String> unused = keys.subList(0, keys.size() / 10);
		for (int from = 0; from < unused.size(); from += 500) {
			jdbc.update("UPDATE embedding_cache SET used_on = ? WHERE text_key IN (" + String.join(",",
					unused.subList(from, Math.min(unused.size(), from + 500))
						.stream()
						.map(key -> "'" + key + "'")
						.toList())
					+ ")", DAY.minusDays(60));
		}
		measure(name, "delete unused", jdbc, size, () -> on(jdbc, DAY.plusDays(40)).deleteUnused());
	}

	/**
	 * What marking wrote if every row in use were written every day:
	 * {@code used_on < today} for every key.
	 */
	private static int everyRow(JdbcTemplate jdbc, List<String> keys, LocalDate today) {
		int written = 0;
		for (int from = 0; from < keys.size(); from += 500) {
			List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
			written += jdbc.update(
					"UPDATE embedding_cache SET used_on = ? WHERE used_on < ? AND text_key IN ("
							+ String.join(",", chunk.stream().map(key -> "'" + key + "'").toList()) + ")",
					today, today);
		}
		return written;
	}

	private static void measure(String name, String what, JdbcTemplate jdbc, SizeProbe size, IntSupplier work) {
		// H2 reuses the space of what was overwritten only after its retention time (45
		// s): days that follow each
		// other at once grow its file far more than real days do; BENCH_DAY_PAUSE_SECONDS
		// puts time between them
		try {
			Thread.sleep(1_000L * Integer.parseInt(System.getenv().getOrDefault("BENCH_DAY_PAUSE_SECONDS", "0")));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		String wal = wal(jdbc);
		long start = System.nanoTime();
		int rows = work.getAsInt();
		vacuum(jdbc);
		report(name, what, start, rows, jdbc, size);
		if (wal != null) {
			System.out.printf(Locale.ROOT, "    WAL written: %,.1f MB%n",
					jdbc.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), CAST(? AS pg_lsn))", Double.class,
							wal) / 1e6);
		}
	}

	private static void report(String name, String what, long start, int rows, JdbcTemplate jdbc, SizeProbe size) {
		System.out.printf(Locale.ROOT, "%s, %s: %,d ms, %,d rows; size %,.1f MB; load average %s%n", name, what,
				(System.nanoTime() - start) / 1_000_000, rows, size.megabytes(), load());
	}

	/**
	 * PostgreSQL's autovacuum, at once: the dead row versions a day of marking leaves
	 * become free space.
	 */
	private static void vacuum(JdbcTemplate jdbc) {
		if (wal(jdbc) != null) {
			jdbc.execute("VACUUM embedding_cache");
		}
	}

	/** The current WAL position on PostgreSQL, {@code null} on H2. */
	private static String wal(JdbcTemplate jdbc) {
		try {
			return jdbc.queryForObject("SELECT CAST(pg_current_wal_lsn() AS VARCHAR)", String.class);
		}
		catch (RuntimeException notPostgres) {
			return null;
		}
	}

	private static EmbeddingCache on(JdbcTemplate jdbc, LocalDate day) {
		return EmbeddingCacheContract.on(jdbc, day);
	}

	private static String sentence(Random random, String[] words, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
		}
		return text.toString();
	}

	private static double h2Size(Path folder) {
		try (var files = Files.list(folder)) {
			return files.mapToLong(file -> file.toFile().length()).sum() / 1e6;
		}
		catch (java.io.IOException ex) {
			return Double.NaN;
		}
	}

	private static double tableSize(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT pg_total_relation_size('embedding_cache')", Long.class) / 1e6;
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "?";
		}
	}

	private interface SizeProbe {

		double megabytes();

	}

}
