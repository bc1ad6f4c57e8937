package dev.faqkb.feedback;

import java.time.Instant;
import java.util.List;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches and opened results wait in memory, are written in order, and are all written
 * when the application stops.
 */
@FaqkbWebTest
class SearchLogQueueTests {

	@Autowired
	SearchLog searchLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.faqkb.system.Storage storage;

	@Test
	void whatWaitsIsWrittenOnStopWithEachOpenedResultAfterItsSearch() {
		// A queue of its own, never started: only stop() writes, as on an orderly
		// shutdown.
		SearchLogQueue queue = new SearchLogQueue(searchLog, storage);
		long first = searchLog.nextId();
		long second = searchLog.nextId();
		Instant at = Instant.now();
		queue.searched(first, "  Shutdown   Search ", 3, at);
		queue.opened(first, "help", "export", at);
		queue.searched(second, "second shutdown search", 0, at);

		assertThat(count(first, second)).isZero();
		queue.stop();

		assertThat(jdbc.sql("SELECT query_text FROM search_log WHERE id IN (:ids) ORDER BY id")
			.param("ids", List.of(first, second))
			.query(String.class)
			.list()).containsExactly("shutdown search", "second shutdown search");
		assertThat(jdbc.sql("SELECT question_id FROM search_click WHERE search_id = :id")
			.param("id", first)
			.query(String.class)
			.list()).containsExactly("export");
	}

	@Test
	void idsAreUniqueAndAboveWhatTheIdentityColumnHandedOut() {
		long a = searchLog.nextId();
		long b = searchLog.nextId();

		assertThat(b).isGreaterThan(a);
		assertThat(a).isGreaterThanOrEqualTo(1L << 40);
	}

	private long count(long... ids) {
		return jdbc.sql("SELECT COUNT(*) FROM search_log WHERE id IN (:ids)")
			.param("ids", java.util.Arrays.stream(ids).boxed().toList())
			.query(Long.class)
			.single();
	}

}
