package dev.faqkb.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Whether the database can be used now. The site serves pages and search without it, so
 * what needs it asks here first: votes are refused (503) while it cannot be used; search
 * logging, page-view counts and popular questions wait quietly. The first failed use
 * marks it unusable and is logged once with the reason; from then on a durable write is
 * tried every 5 seconds (after the migrations, if startup could not run them), and the
 * first that succeeds makes it usable again.
 * <p>
 * A write a reader is told about is made durable first ({@link #makeDurable()}). On the
 * embedded database, a disk with less free space than
 * {@code faqkb.database.min-free-space} counts as unusable too, checked before each such
 * write and by the recheck, so that a disk that fills up refuses votes at once instead of
 * failing one write in two.
 * <p>
 * {@code storage} in {@code /actuator/health}: {@link #UNAVAILABLE} with the reason. Like
 * {@code content}'s OUT_OF_DATE it leaves the overall status UP: the instance still
 * serves readers, and taking every instance out of a load balancer over a database outage
 * would take the whole site down. Thread-safe.
 */
@Component("storage")
public class Storage implements HealthIndicator {

	static final Status UNAVAILABLE = new Status("UNAVAILABLE",
			"The database cannot be used: votes and questions are refused, pages and search are served");

	private static final Logger log = LoggerFactory.getLogger(Storage.class);

	private static final long RECHECK_MILLIS = 5_000;

	private static final long FRESH_FAILURE_MILLIS = 1_000;

	private final DataSource dataSource;

	// Built here rather than injected: Boot's JdbcTemplate waits for the migrations,
	// which wait for this.
	private final JdbcTemplate jdbc;

	private final AtomicReference<Problem> problem = new AtomicReference<>();

	/** Set when startup could not migrate, so that the recheck does. */
	private volatile Flyway pendingMigration;

	private volatile String database = "";

	private final long minFreeBytes;

	/** The embedded database's folder, or {@code null} on a database server. */
	private final Path embeddedDataDir;

	/**
	 * Whether commits need {@link #makeDurable()}'s checkpoint to be on disk (H2 writes
	 * its file later).
	 */
	private final boolean checkpointed;

	/**
	 * The settings are absent in database slice tests, which have no embedded database's
	 * disk to watch.
	 */
	@Autowired
	public Storage(DataSource dataSource, ObjectProvider<FaqkbProperties> properties) {
		this(dataSource, minFreeSpace(properties.getIfAvailable()));
	}

	private static DataSize minFreeSpace(FaqkbProperties properties) {
		return properties != null ? properties.database().minFreeSpace() : DataSize.ofBytes(0);
	}

	/** For tests: {@code minFreeSpace} of the disk the embedded database is on. */
	public Storage(DataSource dataSource, DataSize minFreeSpace) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.minFreeBytes = minFreeSpace.toBytes();
		String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : null;
		this.embeddedDataDir = embeddedDataDir(url);
		this.checkpointed = url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
	}

	public Storage(DataSource dataSource) {
		this(dataSource, DataSize.ofBytes(0));
	}

	/**
	 * Whether the database was usable at last contact; cheap, never touches the database.
	 */
	public boolean usable() {
		return problem.get() == null;
	}

	/**
	 * For writes a reader is told about: fails at once while unusable, rather than after
	 * a connection timeout.
	 */
	public void requireUsable() {
		Problem known = problem.get();
		if (known == null) {
			String full = diskFull();
			if (full == null) {
				return;
			}
			DataAccessResourceFailureException refused = new DataAccessResourceFailureException(full);
			failed(refused);
			throw refused;
		}
		throw new DataAccessResourceFailureException("The database cannot be used: " + known.reason());
	}

	/**
	 * Makes every write committed so far durable, for a write the reader is about to be
	 * told about: when this returns, the write survives the process being killed; when it
	 * throws, the reader must not be told it was taken. PostgreSQL's commit already is
	 * durable, so there this does nothing. H2 commits into memory and writes its file
	 * when it can, often carried by another transaction's write, so there a
	 * {@code CHECKPOINT SYNC} writes and syncs everything committed, failing (and marking
	 * the database unusable) when the disk cannot take it.
	 * @throws org.springframework.dao.DataAccessException when the write could not be
	 * made durable
	 */
	public void makeDurable() {
		try {
			checkpoint();
		}
		catch (RuntimeException ex) {
			failed(ex);
			throw ex;
		}
	}

	/**
	 * On H2, writes and syncs everything committed; elsewhere a commit already is
	 * durable.
	 */
	private void checkpoint() {
		if (checkpointed) {
			jdbc.execute((ConnectionCallback<Void>) connection -> {
				H2Store.writeAndSync(connection);
				return null;
			});
		}
	}

	/**
	 * Reports a failed use of the database; unless the failure was about the data (a
	 * constraint, a lock), the database counts as unusable until a write succeeds again.
	 */
	public void failed(RuntimeException failure) {
		if (failure instanceof DataIntegrityViolationException || failure instanceof ConcurrencyFailureException) {
			return;
		}
		String reason = reason(failure);
		if (problem.compareAndSet(null, new Problem(reason, Instant.now()))) {
			log.error(
					"The database cannot be used: {}. Pages and search are still served; votes and questions are refused (503) "
							+ "until it is back. {}",
					reason, hint());
			evictPooledConnections();
		}
		else {
			log.debug("The database is still unusable: {}", reason);
		}
	}

	/**
	 * At startup, in place of Boot's migration: a database that is down, read-only or
	 * full must not stop the site.
	 */
	void migrate(Flyway flyway) {
		try {
			flyway.migrate();
			database = describe();
		}
		catch (RuntimeException ex) {
			pendingMigration = flyway;
			failed(ex);
		}
	}

	/**
	 * While unusable: the pending migrations and a write; the first time both succeed, it
	 * is usable again.
	 */
	@Scheduled(fixedDelay = RECHECK_MILLIS)
	void recheck() {
		Problem known = problem.get();
		// A failure just seen (under a second ago) waits for the next check: a check that
		// happens to run right after it would try it again at once.
		if (known == null || known.since().isAfter(Instant.now().minusMillis(FRESH_FAILURE_MILLIS))) {
			return;
		}
		try {
			String full = diskFull();
			if (full != null) {
				log.debug("The database is still unusable: {}", full);
				return;
			}
			Flyway migration = pendingMigration;
			if (migration != null) {
				migration.migrate();
				pendingMigration = null;
			}
			jdbc.update("UPDATE storage_probe SET checked_at = ? WHERE id = 1", Instant.now().atOffset(ZoneOffset.UTC));
			// A write as a vote makes it, durable: a read, or a write still in memory,
			// says nothing about the disk.
			checkpoint();
			database = describe();
			problem.set(null);
			log.info("The database can be used again (it could not since {}); votes and questions are accepted",
					known.since());
		}
		catch (RuntimeException stillFailing) {
			log.debug("The database is still unusable: {}", reason(stillFailing));
			evictPooledConnections();
		}
	}

	@Override
	public Health health() {
		Problem known = problem.get();
		if (known == null) {
			return Health.up().withDetail("database", database).build();
		}
		Health.Builder health = Health.status(UNAVAILABLE)
			.withDetail("error", known.reason())
			.withDetail("since", known.since().toString());
		if (embeddedDataDir != null) {
			health.withDetail("dataDir", embeddedDataDir.toString());
		}
		return health.build();
	}

	private String describe() {
		return jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()
				+ " " + connection.getMetaData().getDatabaseProductVersion());
	}

	/**
	 * The database's own words (the innermost SQL error, first line), then the system's
	 * (a refused connection, a file that cannot be created, a full disk), as in "IO
	 * Exception: ... (NotDirectoryException: /srv/data)".
	 */
	private static String reason(RuntimeException failure) {
		Throwable sql = null;
		Throwable innermost = failure;
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException) {
				sql = cause;
			}
			innermost = cause;
		}
		Throwable said = sql != null ? sql : innermost;
		// H2 ends its first line with "SQL statement:", followed by the statement, which
		// says nothing about the cause.
		String reason = firstLine(said).replaceFirst(";? *SQL statement:$", "");
		return innermost == said ? reason : reason + " (" + firstLine(innermost) + ")";
	}

	private static String firstLine(Throwable failure) {
		String name = failure.getClass().getSimpleName();
		if (failure.getMessage() == null) {
			return name;
		}
		String line = failure.getMessage().lines().findFirst().orElse("");
		return failure instanceof SQLException ? line : name + ": " + line;
	}

	private String hint() {
		return embeddedDataDir != null
				? "The embedded database needs its data folder " + embeddedDataDir
						+ " (faqkb.data-dir) to be writable and to have free space (faqkb.database.min-free-space, "
						+ DataSize.ofBytes(minFreeBytes).toMegabytes() + " MB)."
				: "Check that the database server is running and reachable.";
	}

	/**
	 * Why the embedded database's disk cannot take a write now, or {@code null}: a
	 * statvfs, cheap enough for every vote. A folder that cannot be read is left to the
	 * database to report.
	 */
	private String diskFull() {
		if (embeddedDataDir == null || minFreeBytes <= 0) {
			return null;
		}
		try {
			long free = Files.getFileStore(
					Files.isDirectory(embeddedDataDir) ? embeddedDataDir : embeddedDataDir.toAbsolutePath().getRoot())
				.getUsableSpace();
			return free >= minFreeBytes ? null : "The disk of " + embeddedDataDir + " is full: " + free / 1024
					+ " KB free, less than faqkb.database.min-free-space (" + minFreeBytes / 1024 + " KB)";
		}
		catch (IOException unreadable) {
			return null;
		}
	}

	/**
	 * The folder of an H2 file database (the embedded default), or {@code null}; not the
	 * URL: it may hold secrets.
	 */
	private static Path embeddedDataDir(String url) {
		Path database = embeddedDatabase(url);
		return database != null ? database.getParent() : null;
	}

	/**
	 * The H2 file database a {@code jdbc:h2:file:PATH} address names (absolute, without
	 * H2's {@code .mv.db}), or {@code null} for any other address.
	 */
	static Path embeddedDatabase(String url) {
		if (url != null && url.startsWith("jdbc:h2:file:")) {
			return Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).toAbsolutePath();
		}
		return null;
	}

	/**
	 * Hikari drops connections whose errors say the connection is gone, but not those of
	 * a database that failed otherwise (H2 closes itself after a failed write), so fresh
	 * ones are made for the next try.
	 */
	private void evictPooledConnections() {
		if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
	}

	private record Problem(String reason, Instant since) {
	}

}
