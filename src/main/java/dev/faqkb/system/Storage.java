package dev.faqkb.system;

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

/**
 * Whether the database can be used now. The site serves pages and search without it, so what needs it asks here
 * first: votes are refused (503) while it cannot be used; search logging, page-view counts and popular questions
 * wait quietly. The first failed use marks it unusable and is logged once with the reason; from then on a write
 * is tried every 5 seconds (after the migrations, if startup could not run them), and the first that succeeds
 * makes it usable again.
 * <p>
 * {@code storage} in {@code /actuator/health}: {@link #UNAVAILABLE} with the reason. Like {@code content}'s
 * OUT_OF_DATE it leaves the overall status UP: the instance still serves readers, and taking every instance out of
 * a load balancer over a database outage would take the whole site down. Thread-safe.
 */
@Component("storage")
public class Storage implements HealthIndicator {

	static final Status UNAVAILABLE = new Status("UNAVAILABLE",
			"The database cannot be used: votes and questions are refused, pages and search are served");

	private static final Logger log = LoggerFactory.getLogger(Storage.class);

	private final DataSource dataSource;

	// Built here rather than injected: Boot's JdbcTemplate waits for the migrations, which wait for this.
	private final JdbcTemplate jdbc;

	private final AtomicReference<Problem> problem = new AtomicReference<>();

	/** Set when startup could not migrate, so that the recheck does. */
	private volatile Flyway pendingMigration;

	private volatile String database = "";

	public Storage(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Whether the database was usable at last contact; cheap, never touches the database. */
	public boolean usable() {
		return problem.get() == null;
	}

	/** For writes a reader is told about: fails at once while unusable, rather than after a connection timeout. */
	public void requireUsable() {
		Problem known = problem.get();
		if (known != null) {
			throw new DataAccessResourceFailureException("The database cannot be used: " + known.reason());
		}
	}

	/**
	 * Reports a failed use of the database; unless the failure was about the data (a constraint, a lock), the
	 * database counts as unusable until a write succeeds again.
	 */
	public void failed(RuntimeException failure) {
		if (failure instanceof DataIntegrityViolationException || failure instanceof ConcurrencyFailureException) {
			return;
		}
		String reason = reason(failure);
		if (problem.compareAndSet(null, new Problem(reason, Instant.now()))) {
			log.error("The database cannot be used: {}. Pages and search are still served; votes and questions are refused (503) "
					+ "until it is back. {}", reason, hint());
			evictPooledConnections();
		}
		else {
			log.debug("The database is still unusable: {}", reason);
		}
	}

	/** At startup, in place of Boot's migration: a database that is down, read-only or full must not stop the site. */
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

	/** While unusable: the pending migrations and a write; the first time both succeed, it is usable again. */
	@Scheduled(fixedDelay = 5_000)
	void recheck() {
		Problem known = problem.get();
		if (known == null) {
			return;
		}
		try {
			Flyway migration = pendingMigration;
			if (migration != null) {
				migration.migrate();
				pendingMigration = null;
			}
			jdbc.update("UPDATE storage_probe SET checked_at = ? WHERE id = 1", Instant.now().atOffset(ZoneOffset.UTC));
			database = describe();
			problem.set(null);
			log.info("The database can be used again (it could not since {}); votes and questions are accepted", known.since());
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
		Path dataDir = embeddedDataDir();
		if (dataDir != null) {
			health.withDetail("dataDir", dataDir.toString());
		}
		return health.build();
	}

	private String describe() {
		return jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()
				+ " " + connection.getMetaData().getDatabaseProductVersion());
	}

	/**
	 * The database's own words (the innermost SQL error, first line), then the system's (a refused connection, a
	 * file that cannot be created, a full disk), as in "IO Exception: ... (NotDirectoryException: /srv/data)".
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
		// H2 ends its first line with "SQL statement:", followed by the statement, which says nothing about the cause.
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
		Path dataDir = embeddedDataDir();
		return dataDir != null ? "The embedded database needs its data folder " + dataDir
				+ " (faqkb.data-dir) to be writable and to have free space."
				: "Check that the database server is running and reachable.";
	}

	/** The folder of an H2 file database (the embedded default), or {@code null}; not the URL: it may hold secrets. */
	private Path embeddedDataDir() {
		if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith("jdbc:h2:file:")) {
			Path file = Path.of(hikari.getJdbcUrl().substring("jdbc:h2:file:".length()).split(";", 2)[0]);
			return file.toAbsolutePath().getParent();
		}
		return null;
	}

	/**
	 * Hikari drops connections whose errors say the connection is gone, but not those of a database that failed
	 * otherwise (H2 closes itself after a failed write), so fresh ones are made for the next try.
	 */
	private void evictPooledConnections() {
		if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
	}

	private record Problem(String reason, Instant since) {
	}

}
