package dev.faqkb.feedback;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.faqkb.FaqkbApplication;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database cannot be written (a data folder that cannot be created, a
 * read-only database): the site still starts and serves, votes get a 503 that says so,
 * and the log and health say why.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseUnusableTests {

	private static final String ANSWER = "/faq/help/export";

	@TempDir
	Path dir;

	@Test
	void aDataFolderThatCannotBeCreatedStillServesTheSiteAndRefusesVotesSayingWhy(CapturedOutput output)
			throws Exception {
		// A file where the data folder should be: creating it fails for every user, root
		// included.
		Path blocked = Files.writeString(dir.resolve("not-a-folder"), "");
		Path dataDir = blocked.resolve("data");

		try (ConfigurableApplicationContext app = start("--spring.datasource.url=", "--faqkb.data-dir=" + dataDir)) {
			ReaderHttp reader = servesPagesAndRefusesVotes(app);

			assertThat(output).contains("The database cannot be used:")
				.contains("needs its data folder " + dataDir + " (faqkb.data-dir) to be writable");
			assertThat(reader.get("/actuator/health/storage", "admin:unusable").body())
				.contains("\"status\":\"UNAVAILABLE\"")
				.contains("\"dataDir\":\"" + dataDir + "\"");
		}
	}

	@Test
	void aReadOnlyDatabaseStillServesTheSiteAndRefusesVotesSayingWhy(CapturedOutput output) throws Exception {
		Path dataDir = dir.resolve("data");
		try (ConfigurableApplicationContext first = start("--spring.datasource.url=", "--faqkb.data-dir=" + dataDir)) {
			// Creates and migrates the database.
		}

		// H2's own read-only mode: what it does when its files are not writable, which
		// root cannot try with chmod.
		try (ConfigurableApplicationContext app = start(
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("faqkb") + ";ACCESS_MODE_DATA=r")) {
			servesPagesAndRefusesVotes(app);

			assertThat(output).contains("The database cannot be used:").containsIgnoringCase("read only");
			assertThat(new ReaderHttp(port(app), ANSWER).get("/actuator/health/storage", "admin:unusable").body())
				.containsIgnoringCase("read only");
		}
	}

	private ReaderHttp servesPagesAndRefusesVotes(ConfigurableApplicationContext app) throws Exception {
		ReaderHttp reader = new ReaderHttp(port(app), ANSWER);
		for (String page : List.of("/", "/faq/help", ANSWER, "/search?q=export", "/api/search?q=export")) {
			assertThat(reader.get(page, null).statusCode()).as(page).isEqualTo(200);
		}
		HttpResponse<String> vote = reader.vote(ANSWER, UUID.randomUUID().toString(), "yes", null);
		assertThat(vote.statusCode()).isEqualTo(503);
		assertThat(vote.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(vote.body()).isEqualTo("{\"error\":\"" + DatabaseDownContract.DATABASE_UNAVAILABLE + "\"}");
		HttpResponse<String> health = reader.get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"storage\":{\"description\":").contains("\"status\":\"UNAVAILABLE\"");
		return reader;
	}

	private ConfigurableApplicationContext start(String... database) {
		List<String> args = new java.util.ArrayList<>(List.of(database));
		args.addAll(List.of("--faqkb.content-dir=" + TestContent.write(dir), "--faqkb.content.watch=false",
				"--server.port=0", "--faqkb.admin.password=unusable"));
		return new SpringApplicationBuilder(FaqkbApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
