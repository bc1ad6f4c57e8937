package dev.faqkb.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.site.PopularQuestions;
import dev.faqkb.system.Storage;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Popular questions are the most viewed of the last 30 days. The ranking is read at most
 * once per {@link PopularQuestions#FRESH}: the home page is the busiest page and
 * popularity does not change by the second. It is read in the background: a request that
 * finds it stale starts the read and gets the last ranking at once (none before the first
 * read ends), so a page never waits on the database, even while it hangs; while the
 * database cannot be used the last ranking stays. Thread-safe.
 */
@Component
class MostViewedQuestions implements PopularQuestions, DisposableBean {

	private static final int DAYS = 30;

	/** How long a page may show the last ranking while a newer one is read. */
	static final Duration WHILE_READING = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final Storage storage;

	private volatile Ranking ranking = new Ranking(List.of(), Instant.EPOCH);

	/** How long {@link #awaitTop} waits for a read. */
	static final Duration PATIENCE = Duration.ofSeconds(5);

	private volatile CompletableFuture<Void> lastRead = CompletableFuture.completedFuture(null);

	/** Whether a read has started and not ended: one at a time. */
	private final AtomicBoolean reading = new AtomicBoolean();

	// one daemon thread: a read that hangs holds it alone, and never a reader's request
	private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "faqkb-popular-questions");
		thread.setDaemon(true);
		return thread;
	});

	/** How long a ranking is used before it is read again. */
	private final Duration fresh;

	@Autowired
	MostViewedQuestions(JdbcClient jdbc, Storage storage) {
		this(jdbc, storage, FRESH);
	}

	MostViewedQuestions(JdbcClient jdbc, Storage storage, Duration fresh) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.fresh = fresh;
	}

	@Override
	public List<Question> top(Catalog catalog, int limit) {
		Ranking current = ranking;
		if (stale(current, Instant.now()) && storage.usable() && reading.compareAndSet(false, true)) {
			try {
				lastRead = CompletableFuture.runAsync(this::read, reader);
			}
			catch (RejectedExecutionException shuttingDown) {
				reading.set(false);
			}
		}
		return listed(current, catalog, limit);
	}

	/**
	 * As {@link #top}, once a stale ranking has been read again, waiting for it at most
	 * {@link #PATIENCE}: for work in the background, never for a page.
	 */
	@Override
	public List<Question> awaitTop(Catalog catalog, int limit) {
		top(catalog, limit);
		try {
			lastRead.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException stillReading) {
			// the last ranking, then
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return listed(ranking, catalog, limit);
	}

	private static List<Question> listed(Ranking ranking, Catalog catalog, int limit) {
		return ranking.keys()
			.stream()
			.map(key -> catalog.question(key.category(), key.questionId()).orElse(null))
			.filter(Objects::nonNull)
			.limit(limit)
			.toList();
	}

	/**
	 * A second while a read is on its way or has just ended (the list a page was given
	 * may be the one before it), else {@link #FRESH}.
	 */
	@Override
	public Duration shownFor() {
		boolean justRead = ranking.readAt().plus(WHILE_READING.multipliedBy(2)).isAfter(Instant.now());
		return reading.get() || justRead ? WHILE_READING : FRESH;
	}

	private void read() {
		try {
			Instant now = Instant.now();
			ranking = new Ranking(loadOr(ranking.keys()), now);
		}
		finally {
			reading.set(false);
		}
	}

	/**
	 * Lets a read under way finish (an interrupt would close an embedded database's file
	 * under it), for at most a few seconds; then stops it.
	 */
	@Override
	public void destroy() throws InterruptedException {
		reader.shutdown();
		if (!reader.awaitTermination(5, TimeUnit.SECONDS)) {
			reader.shutdownNow();
		}
	}

	private boolean stale(Ranking ranking, Instant now) {
		return !ranking.readAt().plus(fresh).isAfter(now);
	}

	private List<Key> loadOr(List<Key> last) {
		try {
			return load();
		}
		catch (RuntimeException ex) {
			storage.failed(ex);
			return last;
		}
	}

	private List<Key> load() {
		return jdbc.sql("""
				SELECT category, question_id, SUM(views) AS total FROM question_views
				WHERE viewed_on >= :since GROUP BY category, question_id
				ORDER BY total DESC, category, question_id LIMIT 50""")
			.param("since", LocalDate.now(ZoneOffset.UTC).minusDays(DAYS - 1))
			.query((rs, row) -> new Key(rs.getString("category"), rs.getString("question_id")))
			.list();
	}

	private record Key(String category, String questionId) {
	}

	private record Ranking(List<Key> keys, Instant readAt) {
	}

}
