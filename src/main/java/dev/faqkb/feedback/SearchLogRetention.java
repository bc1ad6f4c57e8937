package dev.faqkb.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes logged searches older than {@code faqkb.feedback.search-log-retention}, so the
 * log, a row per search, does not grow forever. The opened results of a search go with it
 * ({@code ON DELETE CASCADE}). Whole UTC days: a day's searches are kept until the whole
 * day is past the retention. Runs hourly; each run deletes about an hour's worth of rows
 * through the index on the day.
 */
@Component
class SearchLogRetention implements SchedulingConfigurer {

	private static final Duration EVERY = Duration.ofHours(1);

	// Not at startup itself: a first prune after an upgrade may delete many rows, and
	// startup should stay quick.
	private static final Duration FIRST_AFTER = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(SearchLogRetention.class);

	private final JdbcClient jdbc;

	private final Storage storage;

	private final Duration retention;

	@Autowired
	SearchLogRetention(JdbcClient jdbc, Storage storage, FaqkbProperties properties) {
		this(jdbc, storage, properties.feedback().searchLogRetention());
	}

	SearchLogRetention(JdbcClient jdbc, Storage storage, Duration retention) {
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"faqkb.feedback.search-log-retention must be at least a day (e.g. 180d), not " + retention);
		}
		this.jdbc = jdbc;
		this.storage = storage;
		this.retention = retention;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::pruneQuietly, EVERY, FIRST_AFTER));
	}

	/**
	 * @return how many searches were deleted: those of days that ended more than the
	 * retention before {@code now}
	 */
	int prune(Instant now) {
		LocalDate firstKept = LocalDate.ofInstant(now.minus(retention), ZoneOffset.UTC);
		return jdbc.sql("DELETE FROM search_log WHERE searched_on < :firstKept").param("firstKept", firstKept).update();
	}

	private void pruneQuietly() {
		if (!storage.usable()) {
			return;
		}
		try {
			int deleted = prune(Instant.now());
			if (deleted > 0) {
				log.info("Deleted {} logged searches older than {} days (faqkb.feedback.search-log-retention)", deleted,
						retention.toDays());
			}
		}
		catch (RuntimeException ex) {
			// The next run tries again; nothing a reader sees depends on it.
			log.warn("Could not delete old logged searches: {}", ex.getMessage());
		}
	}

}
