package dev.faqkb.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.faqkb.system.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes logged searches and opened results in batches, on a thread of its own, so that a
 * reader's search page never waits for the database. In order: an opened result is
 * written after its search. Bounded: when {@value #CAPACITY} entries wait (the database
 * is much slower than the searches), new ones are dropped and counted; they are
 * statistics, not acknowledged writes. When the application stops (after the web server
 * has stopped taking requests) everything still waiting is written. Thread-safe.
 */
@Component
class SearchLogQueue implements SmartLifecycle {

	static final int CAPACITY = 10_000;

	/**
	 * At most this many entries per batch; under load a batch takes what arrived while
	 * the last was written.
	 */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SearchLogQueue.class);

	private final SearchLog searchLog;

	private final Storage storage;

	private final BlockingQueue<Entry> waiting = new ArrayBlockingQueue<>(CAPACITY);

	private final AtomicLong dropped = new AtomicLong();

	private volatile boolean running;

	private Thread writer;

	SearchLogQueue(SearchLog searchLog, Storage storage) {
		this.searchLog = searchLog;
		this.storage = storage;
	}

	/**
	 * @param query as typed: it is normalized ({@link SearchLog#normalize(String)}) on
	 * the writer's thread
	 */
	void searched(long id, String query, long results, Instant at) {
		searched(id, query, results, at, null);
	}

	/**
	 * @param language the translation searched, {@code null} for the default language
	 */
	void searched(long id, String query, long results, Instant at, String language) {
		add(new Searched(id, query, results, at, language));
	}

	void opened(long searchId, String category, String questionId, Instant at) {
		add(new Opened(searchId, category, questionId, at));
	}

	private void add(Entry entry) {
		if (!waiting.offer(entry) && dropped.getAndIncrement() % 1000 == 0) {
			log.warn("The search log is {} entries behind the database; dropped {} searches and opened results so far",
					CAPACITY, dropped.get());
		}
	}

	@Override
	public void start() {
		running = true;
		writer = new Thread(this::writeWhileRunning, "search-log-writer");
		writer.setDaemon(true);
		writer.start();
	}

	private void writeWhileRunning() {
		List<Entry> batch = new ArrayList<>(BATCH);
		while (running) {
			try {
				// Not interrupted to stop: an interrupt in the middle of a write closes
				// H2's file. Taken and written
				// under the lock, so that a flush never writes later entries before
				// these.
				synchronized (this) {
					Entry first = waiting.poll(100, TimeUnit.MILLISECONDS);
					if (first != null) {
						batch.add(first);
						waiting.drainTo(batch, BATCH - 1);
						write(batch);
						batch.clear();
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("The search log writer failed; it goes on with the next batch", ex);
				batch.clear();
			}
		}
	}

	/**
	 * Writes {@code batch} in order: runs of searches in one statement batch each, opened
	 * results one by one.
	 */
	private void write(List<Entry> batch) {
		if (!storage.usable()) {
			log.debug("Dropped {} searches and opened results: the database cannot be used", batch.size());
			return;
		}
		int written = 0;
		try {
			while (written < batch.size()) {
				if (batch.get(written) instanceof Opened opened) {
					searchLog.opened(opened.searchId(), opened.category(), opened.questionId(), opened.at());
					written++;
					continue;
				}
				List<SearchLog.Search> searches = new ArrayList<>();
				while (written < batch.size() && batch.get(written) instanceof Searched searched) {
					searches.add(new SearchLog.Search(searched.id(), SearchLog.normalize(searched.query()),
							searched.results(), searched.at(), searched.language()));
					written++;
				}
				searchLog.recordAll(searches);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write {} searches and opened results: {}", batch.size(), ex.getMessage());
			storage.failed(ex);
		}
	}

	/**
	 * Writes everything that waits now, on the caller's thread; returns how many entries
	 * that was.
	 */
	synchronized int flush() {
		List<Entry> rest = new ArrayList<>();
		waiting.drainTo(rest);
		for (int from = 0; from < rest.size(); from += BATCH) {
			write(rest.subList(from, Math.min(rest.size(), from + BATCH)));
		}
		return rest.size();
	}

	@Override
	public void stop() {
		running = false;
		if (writer != null) {
			try {
				writer.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		int written = flush();
		log.debug("Wrote {} waiting searches and opened results on shutdown", written);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Stops after the web server (which stops in a higher phase), so no search arrives
	 * after the last write.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private sealed interface Entry permits Searched, Opened {

	}

	private record Searched(long id, String query, long results, Instant at, String language) implements Entry {
	}

	private record Opened(long searchId, String category, String questionId, Instant at) implements Entry {
	}

}
