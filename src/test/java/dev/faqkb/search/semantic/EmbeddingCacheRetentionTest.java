package dev.faqkb.search.semantic;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static dev.faqkb.search.semantic.EmbeddingCacheContract.DAY;
import static dev.faqkb.search.semantic.EmbeddingCacheContract.dates;
import static dev.faqkb.search.semantic.EmbeddingCacheContract.on;
import static dev.faqkb.search.semantic.SemanticCacheTest.QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedding cache kept to the texts in use by what the application runs: each
 * preparation marks the rows it read, and the daily run marks the content served before
 * it deletes anything, skips while the database cannot be used and says once when it
 * fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddingCacheRetentionTest {

	@TempDir
	Path content;

	@TempDir
	Path data;

	private Catalog catalog;

	private JdbcTemplate jdbc;

	private SemanticSearch semantic;

	@BeforeEach
	void prepareTheContentOnDay() {
		catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		jdbc = SemanticFixture.h2Database(data);
		semantic = prepared(on(jdbc, DAY));
		assertThat(semantic.lastRun()).isEqualTo(new SemanticSearch.Run(QUESTIONS, 0, QUESTIONS, 0));
	}

	@AfterEach
	void stop() {
		semantic.destroy();
	}

	@Test
	void aPreparationMarksTheRowsItReadAndNoOther() {
		jdbc.update("UPDATE embedding_cache SET used_on = ?", DAY.minusDays(20));
		String foreign = storeForeignRow(DAY.minusDays(20));
		semantic.destroy();

		semantic = prepared(on(jdbc, DAY));

		assertThat(semantic.lastRun()).isEqualTo(new SemanticSearch.Run(QUESTIONS, QUESTIONS, 0, 0));
		Map<String, LocalDate> dates = dates(jdbc);
		assertThat(dates.remove(foreign)).isEqualTo(DAY.minusDays(20));
		assertThat(dates).hasSize(QUESTIONS).allSatisfy((key, usedOn) -> assertThat(usedOn).isEqualTo(DAY));
	}

	@Test
	void theDailyRunMarksTheContentServedBeforeItDeletesRowsUnusedFor30Days(CapturedOutput output) throws Exception {
		// as if this content had gone unmarked for 100 days: the run must mark it first,
		// or it would delete it
		jdbc.update("UPDATE embedding_cache SET used_on = ?", DAY.minusDays(100));
		String foreign = storeForeignRow(DAY.minusDays(100));

		runDaily(new Storage(jdbc.getDataSource()));

		Map<String, LocalDate> dates = dates(jdbc);
		assertThat(dates).doesNotContainKey(foreign)
			.hasSize(QUESTIONS)
			.allSatisfy((key, usedOn) -> assertThat(usedOn).isEqualTo(DAY));
		assertThat(output.getAll()).contains("4 embedding cache rows marked in use, 1 unused for 30 days deleted");
	}

	@Test
	void theDailyRunSkipsQuietlyWhileTheDatabaseCannotBeUsed(CapturedOutput output) throws Exception {
		String foreign = storeForeignRow(DAY.minusDays(100));
		Storage storage = new Storage(jdbc.getDataSource());
		storage.failed(new DataAccessResourceFailureException("connection refused"));

		runDaily(storage);

		assertThat(dates(jdbc)).containsKey(foreign).hasSize(QUESTIONS + 1);
		assertThat(output.getAll()).doesNotContain("embedding cache rows marked")
			.doesNotContain("trying again tomorrow");
	}

	@Test
	void theDailyRunIsScheduledAFewMinutesAfterStartThenDailyOnlyWhileSemanticSearchIsOn() {
		Storage storage = new Storage(jdbc.getDataSource());
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		new EmbeddingCacheRetention(semantic, storage).configureTasks(registrar);
		assertThat(registrar.getFixedDelayTaskList()).singleElement().satisfies(task -> {
			assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(5));
			assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofDays(1));
		});

		SemanticSearch off = new SemanticSearch(new FaqkbProperties.Semantic(false, 1), () -> {
			throw new AssertionError("the model is never loaded while semantic search is off");
		}, on(jdbc, DAY));
		ScheduledTaskRegistrar offRegistrar = new ScheduledTaskRegistrar();
		EmbeddingCacheRetention offRetention = new EmbeddingCacheRetention(off, storage);
		offRetention.configureTasks(offRegistrar);
		assertThat(offRegistrar.getFixedDelayTaskList()).isEmpty();
		String foreign = storeForeignRow(DAY.minusDays(100));
		offRetention.runDaily();
		assertThat(dates(jdbc)).containsKey(foreign);
		assertThat(off.modelLoaded()).isFalse();
	}

	@Test
	void aDailyRunThatFailsSaysSoOnceAndLeavesSearchAsItWas(CapturedOutput output) {
		// a database without the cache's table, as one whose schema was damaged
		DriverManagerDataSource empty = new DriverManagerDataSource(
				"jdbc:h2:mem:no-tables-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		SemanticSearch broken = new SemanticSearch(new FaqkbProperties.Semantic(true, 1), SemanticFixture::model,
				new EmbeddingCache(new JdbcTemplate(empty)));
		SearchIndex index = new SearchIndex(catalog);
		try {
			broken.prepare(index, catalog);
			await().atMost(Duration.ofSeconds(60)).until(() -> broken.status() == SemanticSearch.Status.READY);

			new EmbeddingCacheRetention(broken, new Storage(empty)).run(catalog, SemanticFixture.model());

			assertThat(output.getAll().lines().filter(line -> line.contains("cannot keep the embedding cache")))
				.singleElement()
				.asString()
				.contains("trying again tomorrow");
			assertThat(index.semanticReady()).isTrue();
			assertThat(broken.status()).isEqualTo(SemanticSearch.Status.READY);
		}
		finally {
			broken.destroy();
		}
	}

	/**
	 * A row of a text the content no longer has, dated {@code usedOn}; returns its key.
	 */
	private String storeForeignRow(LocalDate usedOn) {
		String key = Preparation.key("a question since reworded");
		on(jdbc, usedOn).store(Map.of(key, EmbeddingCacheContract.unitVector(new Random(7))), List.of());
		return key;
	}

	/**
	 * Runs the day's task as the scheduler does, on the semantic worker, and waits until
	 * it has run.
	 */
	private void runDaily(Storage storage) throws InterruptedException {
		new EmbeddingCacheRetention(semantic, storage).runDaily();
		// the worker runs one task at a time, in order: this one runs after the daily run
		CountDownLatch after = new CountDownLatch(1);
		semantic.withLatest((latest, model) -> after.countDown());
		assertThat(after.await(60, TimeUnit.SECONDS)).isTrue();
	}

	private SemanticSearch prepared(EmbeddingCache cache) {
		SemanticSearch prepared = new SemanticSearch(new FaqkbProperties.Semantic(true, 1), SemanticFixture::model,
				cache);
		prepared.prepare(new SearchIndex(catalog), catalog);
		await().atMost(Duration.ofSeconds(60)).until(() -> prepared.status() == SemanticSearch.Status.READY);
		return prepared;
	}

}
