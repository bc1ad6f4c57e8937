package dev.faqkb.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.faqkb.system.Storage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Old searches and their opened results are deleted, recent ones kept. On H2
 * ({@link H2SearchLogRetentionTests}) and PostgreSQL
 * ({@link PostgresSearchLogRetentionTests}).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ SearchLog.class, Storage.class })
abstract class SearchLogRetentionContract {

	private static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");

	@Autowired
	SearchLog searchLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Storage storage;

	@Test
	void searchesOfDaysPastTheRetentionAreDeletedWithTheirOpenedResultsAndLaterOnesKept() {
		SearchLogRetention retention = new SearchLogRetention(jdbc, storage, Duration.ofDays(180));
		// 180 days before NOW is 2026-01-02T10:00Z: that whole day is kept, the day
		// before it goes.
		long old = searchLog.record("old question", 3, Instant.parse("2026-01-01T23:59:59Z"));
		searchLog.opened(old, "help", "export", Instant.parse("2026-01-02T00:00:10Z"));
		long edge = searchLog.record("edge question", 3, Instant.parse("2026-01-02T00:00:00Z"));
		searchLog.opened(edge, "help", "export", Instant.parse("2026-01-02T00:00:10Z"));
		long recent = searchLog.record("recent question", 1, Instant.parse("2026-06-30T08:00:00Z"));
		searchLog.opened(recent, "billing", "cards", Instant.parse("2026-06-30T08:00:05Z"));

		assertThat(retention.prune(NOW)).isEqualTo(1);

		assertThat(jdbc.sql("SELECT id FROM search_log WHERE id IN (:ids) ORDER BY id")
			.param("ids", List.of(old, edge, recent))
			.query(Long.class)
			.list()).containsExactly(edge, recent);
		assertThat(jdbc.sql("SELECT search_id FROM search_click WHERE search_id IN (:ids) ORDER BY search_id")
			.param("ids", List.of(old, edge, recent))
			.query(Long.class)
			.list()).containsExactly(edge, recent);
		assertThat(retention.prune(NOW)).as("nothing more to delete").isZero();
	}

	@Test
	void aRetentionShorterThanADayIsRefusedWithTheSettingsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SearchLogRetention(jdbc, storage, Duration.ofHours(3)))
			.withMessageContaining("faqkb.feedback.search-log-retention must be at least a day");
	}

}
