package dev.faqkb.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Lets as many searches run at once as the machine has cores, and the others wait their
 * turn, first come first served. Searching and rendering results only compute, so more of
 * them at once would only share the cores between more threads: each would take longer,
 * none would be done sooner, and a content reload would get a small share of the machine
 * and be served seconds late under load rather than within a second. Nothing that may
 * wait on the database runs in a turn (a search's log id is taken outside it), and pages
 * already made never take one ({@link CachedPagesFilter}). Thread-safe.
 */
@Component
class SearchTurns {

	private final Semaphore turns = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	/** What {@code search} gives, once it has had its turn. */
	<T> T take(Supplier<T> search) {
		turns.acquireUninterruptibly();
		try {
			return search.get();
		}
		finally {
			turns.release();
		}
	}

}
