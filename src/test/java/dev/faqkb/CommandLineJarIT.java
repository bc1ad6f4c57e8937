package dev.faqkb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar faqkb.jar --help} and {@code --version} as an operator types them in
 * an empty folder: they print and exit, and start no server (no {@code ./data}, no port).
 */
class CommandLineJarIT {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "--help", "--version" })
	void printsAndExitsWithoutStartingTheServer(String option) throws IOException, InterruptedException {
		Path jar = RunningJar.jar().toAbsolutePath();
		Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), option)
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).doesNotContain("Tomcat", "Spring")
			.startsWith(option.equals("--help") ? "usage: java -jar faqkb.jar" : "faqkb 0.");
		if (option.equals("--help")) {
			assertThat(output).contains(" validate ", " import ");
		}
		try (var files = Files.list(dir)) {
			assertThat(files).as("files the command left in its working folder").isEmpty();
		}
	}

}
