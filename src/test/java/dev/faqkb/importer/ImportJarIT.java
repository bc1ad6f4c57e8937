package dev.faqkb.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.faqkb.RunningJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar faqkb.jar import}, as a team runs it: the packaged jar imports a web
 * page and a spreadsheet (so jsoup, the HTML converter and Commons CSV are in it) and
 * exits without starting the web server.
 */
class ImportJarIT {

	@TempDir
	Path dir;

	@Test
	void jarImportsAndExitsWithoutStartingTheServer() throws IOException, InterruptedException {
		Path jar = RunningJar.jar();
		Path page = dir.resolve("faq.html");
		try (InputStream in = getClass().getResourceAsStream("/importer/faq-jsonld.html")) {
			Files.write(page, in.readAllBytes());
		}
		Path csv = ImportCommand.write(dir.resolve("billing.csv"),
				"category,question,answer\nBilling,How do I pay?," + "\"<p>By <b>card</b>.</p>\"\n");
		Path content = dir.resolve("content");
		Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "import", page.toString(), csv.toString(), "--to",
				content.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output.lines().toList())
			.isEqualTo(List.of(content.resolve("faq.md") + ": wrote 2 question(s) from " + page,
					content.resolve("billing.md") + ": wrote 1 question(s) from " + csv,
					content + ": 3 question(s) in 2 category file(s); 0 thing(s) not converted; the folder validates"));
		assertThat(ImportCommand.read(content.resolve("billing.md"))).endsWith("## How do I pay?\n\nBy **card**.\n");
	}

}
