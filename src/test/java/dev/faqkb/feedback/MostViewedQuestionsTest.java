package dev.faqkb.feedback;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import dev.faqkb.system.Storage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The popular questions of the home page, read from the page views in the database. */
class MostViewedQuestionsTest {

	@TempDir
	Path dir;

	@Test
	@Timeout(60) // a page that waited on the database would wait here until then
	void whileTheDatabaseHangsThePopularQuestionsAreTheLastListAtOnce() throws Exception {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false)
			.load(TestContent.write(dir.resolve("content")));
		String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
		Flyway.configure().dataSource(url, "sa", "").load().migrate();
		HangingDataSource database = new HangingDataSource(new DriverManagerDataSource(url, "sa", ""));
		JdbcClient jdbc = JdbcClient.create(database);
		JdbcClient direct = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
		direct.sql("INSERT INTO question_views VALUES ('help', 'export', CURRENT_DATE, 3)").update();
		MostViewedQuestions popular = new MostViewedQuestions(jdbc, new Storage(database), Duration.ZERO);
		try {
			// the first asking starts the read; the list comes with the next page
			assertThat(popular.top(catalog, 5)).isEmpty();
			await().untilAsserted(
					() -> assertThat(popular.top(catalog, 5)).extracting(Question::id).containsExactly("export"));

			database.hang();
			for (int page = 0; page < 3; page++) {
				// stale at once (Duration.ZERO): each asking would read again, and that
				// read hangs
				assertThat(popular.top(catalog, 5)).extracting(Question::id).containsExactly("export");
			}

			database.answer();
			direct.sql("INSERT INTO question_views VALUES ('billing', 'cards', CURRENT_DATE, 9)").update();
			await().untilAsserted(() -> assertThat(popular.top(catalog, 5)).extracting(Question::id)
				.containsExactly("cards", "export"));
		}
		finally {
			database.answer();
			popular.destroy();
		}
	}

	/**
	 * A database whose new connections wait, as a PostgreSQL that hangs, until it answers
	 * again; connections already given work.
	 */
	private static final class HangingDataSource extends DelegatingDataSource {

		private volatile CountDownLatch hanging = new CountDownLatch(0);

		HangingDataSource(DataSource target) {
			super(target);
		}

		void hang() {
			hanging = new CountDownLatch(1);
		}

		void answer() {
			hanging.countDown();
		}

		@Override
		public Connection getConnection() throws SQLException {
			try {
				hanging.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SQLException("interrupted", ex);
			}
			return super.getConnection();
		}

	}

}
