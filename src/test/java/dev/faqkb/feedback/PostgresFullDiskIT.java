package dev.faqkb.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.faqkb.PostgresServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * A PostgreSQL server of the test's own whose data folder, WAL included, is on the small
 * disk. PostgreSQL has no free-space floor in faqkb (it may be on another machine): votes
 * that fit in the pages its files already have are taken while the disk is full, and
 * kept; the others fail to extend a file and are refused. A checkpoint while the disk is
 * full (the checkpointer makes one at least every {@code checkpoint_timeout}) may crash
 * the server, which then restarts itself, or stop it; once space returns a server that
 * stopped is started again, as a supervisor (systemd) would, and the jar, never
 * restarted, takes votes again.
 */
class PostgresFullDiskIT extends FullDiskContract {

	private Path bin;

	@BeforeEach
	void postgresBinaries() throws IOException {
		bin = PostgresServer.binaries();
	}

	@Override
	DatabaseOnDisk database(Path disk) throws Exception {
		// The postgres user must reach the disk and the run folder inside the test's
		// folder.
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
		return new OnDisk(PostgresServer.start(bin, disk.resolve("pgdata"), dir.resolve("postgres")));
	}

	@Override
	long leftWhenFull() {
		return 0;
	}

	@Override
	Set<Integer> answersWhileFull() {
		return Set.of(200, 503);
	}

	@Override
	int diskMegabytes() {
		return 32;
	}

	private static final class OnDisk implements DatabaseOnDisk {

		private final PostgresServer server;

		private String checkpoint = "not made";

		private boolean restarted;

		OnDisk(PostgresServer server) {
			this.server = server;
		}

		@Override
		public List<String> arguments() {
			return List.of("--spring.datasource.url=" + server.jdbcUrl(), "--spring.datasource.username=postgres",
					"--spring.datasource.password=");
		}

		@Override
		public Connection connect() throws SQLException {
			return server.connect();
		}

		/**
		 * A checkpoint, as the checkpointer makes one at least every
		 * {@code checkpoint_timeout}; returns once the server takes connections again or
		 * has stopped.
		 */
		@Override
		public void whileFull() throws IOException, InterruptedException {
			try (Connection db = server.connect(); Statement statement = db.createStatement()) {
				statement.execute("CHECKPOINT");
				checkpoint = "completed";
			}
			catch (SQLException failed) {
				checkpoint = "failed: " + failed.getMessage().lines().findFirst().orElse("");
			}
			Instant deadline = Instant.now().plusSeconds(30);
			while (server.running() && Instant.now().isBefore(deadline)) {
				try {
					server.connect().close();
					return;
				}
				catch (SQLException recovering) {
					Thread.sleep(100);
				}
			}
		}

		@Override
		public void spaceReturned() throws IOException, InterruptedException {
			if (!server.running()) {
				server.start();
				restarted = true;
			}
		}

		/**
		 * The checkpoint's outcome, the restart, and the server log's lines about space
		 * and crashes, counted.
		 */
		@Override
		public String whatItDid() throws IOException {
			Map<String, Long> events;
			try (Stream<String> log = Files.lines(server.log())) {
				events = log
					.filter(line -> line.matches(".*(PANIC|terminated by signal|shut down|aborting startup|"
							+ "ready to accept connections|No space left).*"))
					.map(line -> line.replaceFirst("^\\S+ \\S+ \\S+ \\[\\d+\\] ", "").replaceAll("\\(PID \\d+\\)", ""))
					.collect(Collectors.groupingBy(line -> line, LinkedHashMap::new, Collectors.counting()));
			}
			return "PostgreSQL: checkpoint while full " + checkpoint
					+ "; stopped and started again after space returned: " + restarted + "; its log: " + events;
		}

		@Override
		public void close() throws IOException, InterruptedException {
			server.close();
		}

	}

}
