package dev.faqkb.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What the embedded H2 database's store is asked for beyond SQL: that everything
 * committed be on disk ({@link #writeAndSync}), and that its file be compacted while open
 * ({@link #compact}). Public for the benchmark that measures the file's size.
 * <p>
 * {@link #writeAndSync} is written by hand because H2's own {@code CHECKPOINT SYNC} can
 * return before that: it asks the store to write ({@link MVStore#commit()}) and then
 * syncs the file, but when H2's background writer is writing at that moment the store
 * does not write again and returns at once, while the background writer's part is still
 * on its way to the file (it is written by another thread, after the lock is released).
 * The file is then synced without it, and a vote answered 200 can be gone after the
 * process is killed. Here a write this thread makes itself, which waits for every write
 * queued before it, is what counts: when the store did not write, a trivial change is
 * made and the write asked for again.
 */
public final class H2Store {

	/**
	 * Tries before giving up, each a write of its own; only H2's background writer can
	 * take a try's turn (every half second), so one or two do.
	 */
	private static final int ATTEMPTS = 20;

	/**
	 * One durable write at a time: threads that each wait for the store's lock take each
	 * other's turns, and H2 tells a write that lost its turn nothing more than -1. The
	 * cost is one write and sync per vote instead of one for a few at once.
	 */
	private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);

	private H2Store() {
	}

	/**
	 * Writes and syncs everything committed so far on {@code connection}'s database.
	 * @throws DataAccessResourceFailureException when the store cannot write
	 */
	public static void writeAndSync(Connection connection) throws SQLException {
		MVStore store = store(connection);
		if (store == null) {
			// A database server's (jdbc:h2:tcp:) session: its own checkpoint.
			try (Statement statement = connection.createStatement()) {
				statement.execute("CHECKPOINT SYNC");
			}
			return;
		}
		ONE_AT_A_TIME.lock();
		try {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				// A version number when this thread wrote, synchronously, which waits for
				// the writes queued before it; -1 when the background writer had its turn
				// or there was nothing left to write.
				if (store.commit() >= 0) {
					store.sync();
					return;
				}
				if (store.isClosed()) {
					break;
				}
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("UPDATE storage_probe SET checked_at = CURRENT_TIMESTAMP WHERE id = 1");
				}
			}
			throw new DataAccessResourceFailureException(
					"H2 did not write its file" + (store.isClosed() ? ": the database is closed" : ""));
		}
		catch (MVStoreException failed) {
			// What H2's own statements report as an SQL error: a full disk, a closed
			// file.
			throw new DataAccessResourceFailureException("H2 could not write its file: " + failed.getMessage(), failed);
		}
		finally {
			ONE_AT_A_TIME.unlock();
		}
	}

	/**
	 * Runs H2's own compaction of the file for at most {@code maxMillis}, as it does when
	 * it closes. {@link MVStore#compactFile} leaves the store's retention time at 0
	 * (space no longer used is overwritten at once), which its crash recovery cannot
	 * afford: with it, votes written and synced after a compaction were gone after a
	 * {@code kill -9} ({@code H2FullDiskIT}, and bench/README.md, "The embedded
	 * database's size"). So the retention time is put back.
	 * @return whether {@code connection} is embedded (otherwise nothing was done)
	 */
	public static boolean compact(Connection connection, int maxMillis) throws SQLException {
		MVStore store = store(connection);
		if (store == null) {
			return false;
		}
		int retention = store.getRetentionTime();
		try {
			store.compactFile(maxMillis);
		}
		finally {
			store.setRetentionTime(retention);
		}
		return true;
	}

	/** The embedded database's store, or {@code null} for a database server's session. */
	private static MVStore store(Connection connection) throws SQLException {
		return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
				? session.getDatabase().getStore().getMvStore() : null;
	}

}
