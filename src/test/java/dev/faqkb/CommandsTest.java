package dev.faqkb;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line before the server: {@code --help} and {@code --version} print and
 * exit, naming every command; anything else is left to Spring Boot.
 */
class CommandsTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private Integer run(String... args) {
		return Commands.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void helpPrintsTheUsageWithEveryCommandAndExitsZero() {
		assertThat(run("--help")).isZero();
		String usage = out.toString(StandardCharsets.UTF_8);
		assertThat(usage).startsWith("usage: java -jar faqkb.jar")
			.contains("faqkb.jar validate [DIR]", "faqkb.jar import SOURCE... --to DIR", "--version", "--help");
		assertThat(err.size()).isZero();
		assertThat(run("-h")).isZero();
	}

	@Test
	void versionPrintsTheBuiltVersionAndExitsZero() {
		assertThat(run("--version")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).matches("faqkb \\d+\\.\\d+\\.\\d+[-\\w.]*\\R");
	}

	@Test
	void validateRunsItsCommandWithItsOwnHelp() {
		assertThat(run("validate", "--help")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar faqkb.jar validate");
	}

	@Test
	void serverSettingsAndNoArgumentsStartTheServer() {
		assertThat(run()).isNull();
		assertThat(run("--server.port=0", "--faqkb.content-dir=content")).isNull();
		assertThat(out.size()).isZero();
	}

}
