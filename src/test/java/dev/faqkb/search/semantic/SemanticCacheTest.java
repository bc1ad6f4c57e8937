package dev.faqkb.search.semantic;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faqkb.FaqkbApplication;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedding cache across restarts of the application, in the default H2 database of
 * the data folder: a restart embeds nothing it embedded before, and a damaged row is
 * noticed and embedded again.
 */
class SemanticCacheTest {

	/** The questions of {@link TestContent#helpAndBilling()}. */
	static final int QUESTIONS = 4;

	@TempDir
	Path content;

	@TempDir
	Path data;

	@Test
	void aRestartTakesEveryVectorFromTheCacheAndEmbedsNothing() {
		List<String> args = args(content, Map.of("spring.datasource.url", "", "faqkb.data-dir", data.toString()));
		assertThat(startAndPrepare(args)).isEqualTo(new SemanticSearch.Run(QUESTIONS, 0, QUESTIONS, 0));
		assertThat(startAndPrepare(args)).isEqualTo(new SemanticSearch.Run(QUESTIONS, QUESTIONS, 0, 0));
	}

	@Test
	void damagedOrForeignCacheRowsAreEmbeddedAgainNotUsed() throws Exception {
		List<String> args = args(content, Map.of("spring.datasource.url", "", "faqkb.data-dir", data.toString()));
		startAndPrepare(args);
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("faqkb"), "sa", "")) {
			// a flipped bit (the checksum no longer fits) and a row another model wrote
			// under the same key
			db.createStatement()
				.executeUpdate("UPDATE embedding_cache SET checksum = checksum + 1 "
						+ "WHERE text_key = (SELECT MIN(text_key) FROM embedding_cache)");
			db.createStatement()
				.executeUpdate("UPDATE embedding_cache SET model = 'another-model' "
						+ "WHERE text_key = (SELECT MAX(text_key) FROM embedding_cache)");
		}
		assertThat(startAndPrepare(args)).isEqualTo(new SemanticSearch.Run(QUESTIONS, QUESTIONS - 2, 2, 2));
		assertThat(startAndPrepare(args)).as("repaired").isEqualTo(new SemanticSearch.Run(QUESTIONS, QUESTIONS, 0, 0));
	}

	static List<String> args(Path content, Map<String, String> database) {
		List<String> args = new ArrayList<>();
		database.forEach((name, value) -> args.add("--" + name + "=" + value));
		args.add("--faqkb.content-dir=" + TestContent.write(content));
		args.add("--faqkb.content.watch=false");
		args.add("--faqkb.search.semantic.enabled=true");
		args.add("--server.port=0");
		return args;
	}

	/**
	 * Starts the application, waits until search ranks by meaning, stops it: what the
	 * preparation did.
	 */
	static SemanticSearch.Run startAndPrepare(List<String> args) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FaqkbApplication.class)
			.run(args.toArray(String[]::new))) {
			SemanticSearch semantic = app.getBean(SemanticSearch.class);
			await().atMost(Duration.ofSeconds(90)).until(() -> semantic.status() == SemanticSearch.Status.READY);
			return semantic.lastRun();
		}
	}

}
