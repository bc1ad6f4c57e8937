package dev.faqkb.feedback;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import dev.faqkb.content.Question;
import dev.faqkb.site.AnswerViews;
import dev.faqkb.system.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts page views in memory and adds them to the database in batches, so a page view
 * costs an increment rather than a write. Counts are written on a schedule and when the
 * application stops (after the web server has stopped taking requests); counts that fail
 * to be written, or wait while the database cannot be used, are kept for the next flush.
 * Thread-safe.
 */
@Component
public class ViewCounter implements AnswerViews, SmartLifecycle {

	private static final Pattern CRAWLER = Pattern.compile("bot|crawl|spider|slurp|preview", Pattern.CASE_INSENSITIVE);

	private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

	private final JdbcClient jdbc;

	private final Storage storage;

	private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();

	private volatile boolean running;

	public ViewCounter(JdbcClient jdbc, Storage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	@Override
	public void viewed(Question question, String userAgent) {
		// Crawlers read every page on a schedule; counting them would hide what people
		// read.
		if (userAgent == null || !CRAWLER.matcher(userAgent).find()) {
			viewed(question.category(), question.id());
		}
	}

	public void viewed(String category, String questionId) {
		Key key = new Key(category, questionId, LocalDate.now(ZoneOffset.UTC));
		pending.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * Writes every pending count; returns how many question-days were written. Run every
	 * {@code faqkb.feedback.view-flush-interval} (scheduled by
	 * {@link FeedbackWebConfiguration}) and on stop.
	 */
	public synchronized int flush() {
		int written = 0;
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (Map.Entry<Key, AtomicLong> entry : pending.entrySet()) {
			if (!storage.usable()) {
				break; // the rest waits in memory for the database, without a connection
						// timeout per question
			}
			Key key = entry.getKey();
			// getAndSet is atomic: a view that races with the flush is either in this
			// batch or the next.
			long views = entry.getValue().getAndSet(0);
			if (views == 0) {
				if (key.day().isBefore(today)) {
					// Nothing increments a past day's counter any more, so it can go.
					pending.remove(key, entry.getValue());
				}
				continue;
			}
			try {
				add(key, views);
				written++;
			}
			catch (RuntimeException ex) {
				entry.getValue().addAndGet(views);
				log.warn("Could not write {} page views of {}/{}; keeping them for the next try: {}", views,
						key.category(), key.questionId(), ex.getMessage());
				storage.failed(ex);
			}
		}
		return written;
	}

	private void add(Key key, long views) {
		int updated = update(key, views);
		if (updated == 0) {
			try {
				jdbc.sql("""
						INSERT INTO question_views (category, question_id, viewed_on, views)
						VALUES (:category, :question, :day, :views)""")
					.param("category", key.category())
					.param("question", key.questionId())
					.param("day", key.day())
					.param("views", views)
					.update();
			}
			catch (DuplicateKeyException otherInstanceInsertedFirst) {
				update(key, views);
			}
		}
	}

	private int update(Key key, long views) {
		return jdbc.sql("""
				UPDATE question_views SET views = views + :views
				WHERE category = :category AND question_id = :question AND viewed_on = :day""")
			.param("category", key.category())
			.param("question", key.questionId())
			.param("day", key.day())
			.param("views", views)
			.update();
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		int written = flush();
		log.debug("Wrote page views of {} question-days on shutdown", written);
		long unwritten = pending.values().stream().mapToLong(AtomicLong::get).sum();
		if (unwritten > 0) {
			log.warn("{} page views could not be written before shutdown: the database cannot be used", unwritten);
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Stops after the web server (which stops in a higher phase), so no view arrives
	 * after the last flush.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record Key(String category, String questionId, LocalDate day) {
	}

}
