package dev.faqkb.feedback;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;

import dev.faqkb.FaqkbApplication;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default storage: an H2 file database in {@code faqkb.data-dir}, with no database
 * settings at all.
 */
class EmbeddedStorageTests {

	@TempDir
	Path content;

	@TempDir
	Path data;

	@Test
	void votesAndPageViewsAreOnDiskInTheDataFolderAfterAGracefulShutdown() throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(FaqkbApplication.class).run(
				"--spring.datasource.url=", "--faqkb.data-dir=" + data,
				"--faqkb.content-dir=" + TestContent.write(content), "--server.port=0",
				"--faqkb.feedback.view-flush-interval=1h");
		try {
			ReaderHttp reader = new ReaderHttp(port(app), "/faq/help/export");
			reader.get("/faq/help/export", null);
			HttpResponse<String> vote = reader.vote("/faq/help/export", UUID.randomUUID().toString(), "yes", null);
			assertThat(vote.body()).contains("\"counted\":true");
		}
		finally {
			app.close();
		}

		assertThat(Files.exists(data.resolve("faqkb.mv.db"))).isTrue();
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("faqkb"), "sa", "")) {
			// Two page views (the reader's GETs) waited in memory, an hour from their
			// flush, until shutdown.
			assertThat(single(db, "SELECT SUM(views) FROM question_views WHERE question_id = 'export'")).isEqualTo(2);
			assertThat(single(db, "SELECT COUNT(*) FROM vote WHERE question_id = 'export' AND helpful")).isEqualTo(1);
		}
	}

	private static long single(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
