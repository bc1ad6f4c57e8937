package dev.faqkb.feedback;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.faqkb.FaqkbApplication;
import dev.faqkb.TcpProxy;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database server stops while the site serves (a proxy between them is cut), then
 * comes back. Pages and search keep answering, votes get a 503 that says so, health says
 * why, and once the server is back votes are taken again and the page views and searches
 * of the outage are not lost. On an H2 server ({@link H2ServerDownTests}) and on
 * PostgreSQL ({@link PostgresDownTests}).
 */
abstract class DatabaseDownContract {

	private static final String ANSWER = "/faq/help/export";

	private static final String ADMIN = "admin:down-and-up";

	/**
	 * What a reader is told when something needs the database, a vote as anything else.
	 */
	static final String DATABASE_UNAVAILABLE = "This cannot be done right now: our database is unavailable. "
			+ "Answers and search still work; please try again in a few minutes.";

	@TempDir
	Path content;

	/** Host and port of the database server the proxy forwards to. */
	abstract String serverHost();

	abstract int serverPort();

	/** Spring properties for the database behind {@code proxyPort}. */
	abstract Map<String, String> databaseThrough(int proxyPort);

	/** A connection to the same database that bypasses the proxy. */
	abstract Connection connectDirectly() throws SQLException;

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void whileTheDatabaseIsDownPagesAndSearchAnswerVotesGet503AndEverythingComesBackWithIt() throws Exception {
		try (TcpProxy proxy = TcpProxy.to(serverHost(), serverPort());
				ConfigurableApplicationContext app = start(databaseThrough(proxy.port()))) {
			ReaderHttp reader = new ReaderHttp(port(app), ANSWER);
			assertThat(reader.vote(ANSWER, UUID.randomUUID().toString(), "yes", null).statusCode()).isEqualTo(200);
			assertThat(reader.get("/", null).statusCode()).isEqualTo(200);
			int answerViews = 1;

			proxy.cut();

			for (String page : List.of("/", "/faq/help", ANSWER, "/search?q=export+data", "/api/search?q=password",
					"/api/suggest?q=pass", ANSWER + "?hl=export", "/")) {
				HttpResponse<String> response = reader.get(page, null);
				assertThat(response.statusCode()).as(page).isEqualTo(200);
				answerViews += page.startsWith(ANSWER) ? 1 : 0;
			}
			HttpResponse<String> opened = reader.get("/search/opened/1/help/export?hl=export", null);
			assertThat(opened.statusCode()).as("a result link still leads to its answer").isEqualTo(303);
			assertThat(opened.headers().firstValue("Location")).hasValue(ANSWER + "?hl=export");
			HttpResponse<String> vote = reader.vote(ANSWER, UUID.randomUUID().toString(), "no", "Down?");
			assertThat(vote.statusCode()).isEqualTo(503);
			assertThat(vote.headers().firstValue("Retry-After")).hasValue("60");
			assertThat(vote.body()).isEqualTo("{\"error\":\"" + DATABASE_UNAVAILABLE + "\"}");
			HttpResponse<String> form = reader.voteWithoutScript(ANSWER, UUID.randomUUID().toString(), "yes");
			assertThat(form.statusCode()).isEqualTo(503);
			assertThat(form.headers().firstValue("Retry-After")).hasValue("60");
			assertThat(form.body()).contains("<title>Service unavailable · ")
				.contains(DATABASE_UNAVAILABLE)
				.doesNotContain("Thank you")
				.contains("<a href=\"" + ANSWER + "\">Back to the page</a>")
				.contains("<form class=\"search-box\"");

			HttpResponse<String> health = reader.get("/actuator/health", null);
			assertThat(health.statusCode()).as("the instance still serves: a load balancer must keep it")
				.isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"storage\":{\"description\":");
			assertThat(health.body()).contains("\"status\":\"UNAVAILABLE\"").doesNotContain("details");
			assertThat(reader.get("/actuator/health/storage", ADMIN).body()).contains("\"status\":\"UNAVAILABLE\"")
				.contains("\"error\":");

			proxy.restore();

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> reader.vote(ANSWER, UUID.randomUUID().toString(), "yes", null).statusCode() == 200);
			assertThat(reader.get("/actuator/health/storage", null).body()).isEqualTo("{\"status\":\"UP\"}");
			assertThat(count("SELECT COUNT(*) FROM vote WHERE question_id = 'export'"))
				.as("the two votes answered 200 are stored, none of those answered 503")
				.isEqualTo(2);
			assertThat(reader.get("/search?q=back+again", null).statusCode()).isEqualTo(200);
			int expectedViews = answerViews;
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(count("SELECT SUM(views) FROM question_views WHERE question_id = 'export'"))
							.as("page views of the outage, kept in memory and written once the database is back")
							.isEqualTo(expectedViews));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(count("SELECT COUNT(*) FROM search_log WHERE query_text = 'back again'"))
							.as("written a moment later, off the reader's request")
							.isEqualTo(1));
		}
	}

	private ConfigurableApplicationContext start(Map<String, String> database) {
		List<String> args = new ArrayList<>();
		database.forEach((name, value) -> args.add("--" + name + "=" + value));
		args.addAll(List.of("--faqkb.content-dir=" + TestContent.write(content), "--faqkb.content.watch=false",
				"--server.port=0", "--faqkb.feedback.view-flush-interval=1s", "--faqkb.feedback.rate-limit=1000",
				"--faqkb.admin.password=" + ADMIN.substring(ADMIN.indexOf(':') + 1)));
		return new SpringApplicationBuilder(FaqkbApplication.class).run(args.toArray(String[]::new));
	}

	private long count(String sql) throws SQLException {
		try (Connection db = connectDirectly(); ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
