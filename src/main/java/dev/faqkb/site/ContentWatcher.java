package dev.faqkb.site;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.faqkb.system.FaqkbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reloads the content when a file of the content folder changes
 * ({@code faqkb.content.watch}), on one daemon thread, so that reloads never overlap.
 * <p>
 * A {@link WatchService} wakes the thread at once where the platform has native events
 * (Linux, Windows). The thread also compares the size and modification time of the
 * content files every {@link #POLL}, which covers platforms where the WatchService is a
 * slow poller (macOS) and mounts that send no events (network drives, some container
 * volumes, Kubernetes ConfigMaps swapped by symlink). A change is loaded once the folder
 * has been quiet for {@link #QUIET}: a save or a {@code git checkout} is a burst of
 * events.
 */
@Component
class ContentWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

	static final Duration QUIET = Duration.ofMillis(200);

	static final Duration POLL = Duration.ofMillis(500);

	private final SnapshotStore store;

	private final Path dir;

	private final boolean enabled;

	private volatile boolean running;

	// Counted down by stop(), to wake the thread without interrupting a reload (which
	// would fail its file reads).
	private volatile CountDownLatch stopping;

	private volatile WatchService watchService;

	private Thread thread;

	ContentWatcher(SnapshotStore store, FaqkbProperties properties) {
		this.store = store;
		this.dir = properties.contentDir();
		this.enabled = properties.content().watch();
	}

	@Override
	public synchronized void start() {
		if (!enabled) {
			log.info("Not watching {} for changes (faqkb.content.watch=false)", dir);
			return;
		}
		try {
			watchService = dir.getFileSystem().newWatchService();
			dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
					StandardWatchEventKinds.ENTRY_DELETE);
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.info("No file events for {} ({}); comparing its files every {} ms instead", dir, ex.getMessage(),
					POLL.toMillis());
			watchService = null;
		}
		running = true;
		stopping = new CountDownLatch(1);
		thread = new Thread(this::watch, "faqkb-content-watcher");
		thread.setDaemon(true);
		thread.start();
		log.info("Watching {} for changes", dir.toAbsolutePath().normalize());
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		stopping.countDown();
		closeQuietly();
		try {
			thread.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void watch() {
		// What the served snapshot was loaded from: a change made while the application
		// started is not missed.
		Map<String, String> seen = store.loadedFrom();
		long changedAt = 0; // System.nanoTime() of the last change not loaded yet, 0 when
							// none
		while (running) {
			boolean event;
			try {
				event = awaitEvent(changedAt != 0 ? QUIET : POLL);
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				return; // stopping
			}
			Map<String, String> now = ContentFiles.fingerprint(dir);
			if (event || !now.equals(seen)) {
				seen = now;
				changedAt = System.nanoTime();
			}
			else if (changedAt != 0 && System.nanoTime() - changedAt >= QUIET.toNanos()) {
				changedAt = 0;
				log.info("{} changed: reloading", dir);
				reload();
			}
		}
	}

	/**
	 * Waits up to {@code timeout} for an event about a content file; true when there was
	 * one.
	 */
	private boolean awaitEvent(Duration timeout) throws InterruptedException {
		WatchService events = watchService;
		if (events == null) {
			stopping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return false;
		}
		WatchKey key = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (key == null) {
			return false;
		}
		boolean relevant = false;
		for (WatchEvent<?> event : key.pollEvents()) {
			relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW || event.context() instanceof Path file
					&& ContentFiles.isContentFile(file.getFileName().toString());
		}
		if (!key.reset()) {
			// The folder itself was removed or replaced: from now on the comparison of
			// files notices changes.
			log.warn("{} can no longer be watched for events; comparing its files every {} ms instead", dir,
					POLL.toMillis());
			closeQuietly();
		}
		return relevant;
	}

	private void reload() {
		try {
			store.reload();
		}
		catch (RuntimeException ex) {
			// SnapshotStore logged the errors and keeps serving the last good content;
			// the next save tries again.
		}
	}

	private void closeQuietly() {
		WatchService events = watchService;
		watchService = null;
		if (events != null) {
			try {
				events.close();
			}
			catch (IOException ex) {
				log.debug("Closing the watch service", ex);
			}
		}
	}

}
