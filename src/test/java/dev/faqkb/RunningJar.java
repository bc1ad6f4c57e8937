package dev.faqkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * The packaged {@code target/faqkb.jar} in a child JVM, as an operator runs it. Used by
 * the {@code *IT} tests, which Maven runs after {@code package}; run from elsewhere
 * without the jar, they are skipped with a message.
 */
public final class RunningJar implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final Process process;

	private final Path log;

	private final int port;

	private RunningJar(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * The jar that {@code package} built (failsafe passes its path), or a skipped test
	 * when there is none.
	 */
	public static Path jar() {
		Path jar = Path.of(System.getProperty("faqkb.jar", "target/faqkb.jar"));
		Assumptions.assumeTrue(Files.isRegularFile(jar),
				jar + " is not built: run ./mvnw verify (its package phase builds the jar before the *IT tests)");
		return jar;
	}

	/**
	 * Starts the jar with {@code args} on a free port and waits until it serves; its
	 * output goes to {@code log}.
	 */
	public static RunningJar start(Path log, List<String> args) throws IOException, InterruptedException {
		return start(log, List.of(), args);
	}

	/**
	 * Starts the jar as {@link #start(Path, List)} does, with {@code jvmOptions} (such as
	 * {@code -Dname=value}) before {@code -jar}.
	 */
	public static RunningJar start(Path log, List<String> jvmOptions, List<String> args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar().toString(), "--server.port=0", "--server.address=127.0.0.1"));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			Matcher started = STARTED.matcher(read(log));
			if (started.find()) {
				return new RunningJar(process, log, Integer.parseInt(started.group(1)));
			}
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"faqkb.jar stopped with exit code " + process.exitValue() + ":\n" + read(log));
			}
			Thread.sleep(100);
		}
		process.destroyForcibly().waitFor();
		throw new IllegalStateException("faqkb.jar did not start within " + START_TIMEOUT + ":\n" + read(log));
	}

	public int port() {
		return port;
	}

	public String output() {
		return read(log);
	}

	/**
	 * SIGKILL on Linux: no shutdown hook, no flush, as in a crash or an out-of-memory
	 * kill.
	 */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/** SIGTERM, a normal stop; killed if it takes more than a minute. */
	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private static String read(Path log) {
		try {
			// Bytes, not readString: the log may end inside a character while the process
			// writes it.
			return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
