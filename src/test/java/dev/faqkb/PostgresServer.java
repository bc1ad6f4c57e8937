package dev.faqkb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own, for tests that do to its files what the shared
 * test server must not have done (fill its disk): made by {@code initdb} in a folder the
 * test chooses, run from Debian's binaries ({@code /usr/lib/postgresql/N/bin}, the
 * newest) as the {@code postgres} user, which needs root, on a free loopback port, as
 * small as PostgreSQL allows (1 MB WAL segments, 16 MB of shared buffers, 2 to 4 MB of
 * WAL), with {@code fsync} on. Where the binaries or the {@code postgres} user are
 * missing the test is skipped with a message, except in CI ({@code CI=true}), where that
 * fails it, as {@link PostgresTest} does. Stopped on close. Not thread-safe.
 */
public final class PostgresServer implements AutoCloseable {

	private final Path bin;

	private final Path data;

	private final Path runDir;

	private final int port;

	private PostgresServer(Path bin, Path data, Path runDir, int port) {
		this.bin = bin;
		this.data = data;
		this.runDir = runDir;
		this.port = port;
	}

	/**
	 * The folder of {@code initdb}, {@code pg_ctl} and {@code postgres}, or a skipped (in
	 * CI: failed) test.
	 */
	public static Path binaries() throws IOException {
		Path bin = null;
		Path versions = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(versions)) {
			try (Stream<Path> installed = Files.list(versions)) {
				bin = installed.filter(version -> version.getFileName().toString().matches("\\d+(\\.\\d+)*"))
					.max(Comparator.comparing(version -> Runtime.Version.parse(version.getFileName().toString())))
					.map(version -> version.resolve("bin"))
					.filter(folder -> Files.isExecutable(folder.resolve("initdb")))
					.orElse(null);
			}
		}
		String missing = bin == null ? "PostgreSQL's binaries are not in /usr/lib/postgresql/*/bin"
				: postgresUser() == null ? "there is no postgres user to run PostgreSQL as" : null;
		if (missing != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but " + missing + ": .ci/run installs Debian's postgresql "
					+ "package; the tests that start a PostgreSQL server of their own must run in CI, not be skipped");
		}
		Assumptions.assumeTrue(missing == null, () -> "Skipped: " + missing + " (apt-get install postgresql)");
		return bin;
	}

	/**
	 * Makes a database cluster in {@code data} (created, owned by {@code postgres}) and
	 * starts a server on it, its socket and log in {@code runDir}; the folders above both
	 * must be searchable by the {@code postgres} user.
	 */
	public static PostgresServer start(Path bin, Path data, Path runDir) throws IOException, InterruptedException {
		UserPrincipal postgres = postgresUser();
		for (Path folder : List.of(data, runDir)) {
			Files.createDirectories(folder);
			Files.setOwner(folder, postgres);
		}
		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		PostgresServer server = new PostgresServer(bin, data, runDir, port);
		server.asPostgres("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
				"--locale=C.UTF-8", "--wal-segsize=1", "--no-instructions");
		try {
			server.start();
		}
		catch (IOException | RuntimeException notStarted) {
			server.close();
			throw notStarted;
		}
		return server;
	}

	/**
	 * Starts the server again, as an operator or a supervisor does after it stopped;
	 * waits until it takes connections.
	 */
	public void start() throws IOException, InterruptedException {
		String settings = String.join(" ", "-c listen_addresses=127.0.0.1", "-c port=" + port,
				"-c unix_socket_directories=" + runDir, "-c shared_buffers=16MB", "-c min_wal_size=2MB",
				"-c max_wal_size=4MB", "-c fsync=on");
		asPostgres("pg_ctl", "-D", data.toString(), "-l", log().toString(), "-w", "-t", "60", "-o", settings, "start");
	}

	/**
	 * Whether the server is running (it may be recovering from a crash);
	 * {@code pg_ctl status}.
	 */
	public boolean running() throws IOException, InterruptedException {
		Process status = new ProcessBuilder(asPostgresCommand("pg_ctl", "status", "-D", data.toString()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return waitFor(status) == 0;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	/**
	 * The superuser's connection to the {@code postgres} database, the one
	 * {@link #jdbcUrl()} names.
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "");
	}

	/** The server's own log, over every start. */
	public Path log() {
		return runDir.resolve("server.log");
	}

	/** Stops the server if it runs: a fast stop, else an immediate one. */
	@Override
	public void close() throws IOException, InterruptedException {
		for (String mode : List.of("fast", "immediate")) {
			if (!running()) {
				return;
			}
			try {
				asPostgres("pg_ctl", "-D", data.toString(), "-m", mode, "-w", "-t", "30", "stop");
			}
			catch (IllegalStateException notStopped) {
				// Tried again immediately, then left to the unmount.
			}
		}
	}

	private void asPostgres(String program, String... args) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(asPostgresCommand(program, args)).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		int exit = waitFor(process);
		if (exit != 0) {
			String log = Files.isReadable(log()) ? Files.readString(log()) : "";
			throw new IllegalStateException(program + " exited with " + exit + ": " + output + "\n" + log);
		}
	}

	// initdb refuses to run as root; the server runs as the user that Debian's package
	// made.
	private List<String> asPostgresCommand(String program, String... args) {
		List<String> command = new ArrayList<>(
				List.of("runuser", "-u", "postgres", "--", bin.resolve(program).toString()));
		command.addAll(List.of(args));
		return command;
	}

	private static int waitFor(Process process) throws InterruptedException {
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(
					process.info().commandLine().orElse("a PostgreSQL command") + " did not finish");
		}
		return process.exitValue();
	}

	private static UserPrincipal postgresUser() throws IOException {
		try {
			return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
		}
		catch (UserPrincipalNotFoundException none) {
			return null;
		}
	}

}
