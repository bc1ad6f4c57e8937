package dev.faqkb.site;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Lets as many searches run at once as the machine has cores, and the others wait their
 * turn, first come first served. Searching and rendering results only compute, so more of
 * them at once would only share the cores between more threads: each would take longer,
 * none would be done sooner, and a content reload would get a small share of the machine
 * and be served seconds late under load rather than within a second. For the same reason
 * a reload takes one of the turns while it loads ({@link SnapshotStore#reload()}): on two
 * cores, one search at a time and the reload, rather than two searches and the reload.
 * Nothing that may wait on the database runs in a turn (a search's log id is taken
 * outside it), and pages already made never take one (web's cached pages). Thread-safe.
 */
@Component
public class SearchTurns {

	private final int cores;

	private final Semaphore turns;

	public SearchTurns() {
		this(Runtime.getRuntime().availableProcessors());
	}

	SearchTurns(int cores) {
		this.cores = cores;
		this.turns = new Semaphore(cores, true);
	}

	/** What {@code search} gives, once it has had its turn. */
	public <T> T take(Supplier<T> search) {
		turns.acquireUninterruptibly();
		try {
			return search.get();
		}
		finally {
			turns.release();
		}
	}

	/**
	 * What {@code load} gives, made while searches have one turn fewer; on a single core
	 * they keep theirs.
	 */
	<T> T whileReloading(Supplier<T> load) {
		if (cores < 2) {
			return load.get();
		}
		turns.acquireUninterruptibly();
		try {
			return load.get();
		}
		finally {
			turns.release();
		}
	}

}
