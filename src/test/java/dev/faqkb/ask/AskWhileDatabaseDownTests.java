package dev.faqkb.ask;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.faqkb.FaqkbApplication;
import dev.faqkb.H2TcpServer;
import dev.faqkb.TcpProxy;
import dev.faqkb.TestContent;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.faqkb.ask.AskWhileStorageUnusableTests.DATABASE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database server stops while the site serves (a proxy in front of an H2 server is
 * cut), then comes back: a question gets a 503 that says so, the form kept for a reader
 * without JavaScript and JSON for the script, never a 500; the site then knows the
 * database is down; once it is back, questions are taken again.
 */
class AskWhileDatabaseDownTests {

	private final String database = "mem:faqkb-ask-down-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@TempDir
	Path content;

	private Server server;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private String base;

	@BeforeEach
	void startServer() throws Exception {
		server = H2TcpServer.start();
	}

	@AfterEach
	void stopServer() {
		server.stop();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void whileTheDatabaseIsDownAQuestionGets503WithTheFormKeptAndIsTakenOnceItIsBack() throws Exception {
		try (TcpProxy proxy = TcpProxy.to("127.0.0.1", server.getPort());
				ConfigurableApplicationContext app = start(proxy.port())) {
			base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			assertThat(ask("Before the outage?", false).statusCode()).isEqualTo(303);

			proxy.cut();

			HttpResponse<String> page = ask("During the <outage>?", false);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).hasValue("60");
			assertThat(page.body())
				.contains(
						"<p class=\"ask-error error\" id=\"ask-error\" role=\"alert\">" + DATABASE_UNAVAILABLE + "</p>")
				.contains(">During the &lt;outage&gt;?</textarea>");
			HttpResponse<String> json = ask("During the outage, by script?", true);
			assertThat(json.statusCode()).isEqualTo(503);
			assertThat(json.headers().firstValue("Retry-After")).hasValue("60");
			assertThat(json.body()).isEqualTo("{\"error\":\"" + DATABASE_UNAVAILABLE + "\"}");
			assertThat(get("/actuator/health").body()).as("the site knows, so the next question fails at once")
				.contains("\"storage\":{\"description\":")
				.contains("\"status\":\"UNAVAILABLE\"");

			proxy.restore();

			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> ask("After the outage?", false).statusCode() == 303);
			assertThat(storedQuestions()).as("those answered 303 are stored, none of those answered 503").isEqualTo(2);
		}
	}

	private ConfigurableApplicationContext start(int proxyPort) {
		return new SpringApplicationBuilder(FaqkbApplication.class).run(
				"--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + proxyPort + "/" + database,
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--faqkb.content-dir=" + TestContent.write(content), "--faqkb.content.watch=false",
				"--faqkb.search.semantic.enabled=false", "--faqkb.ask.rate-limit=1000", "--server.port=0",
				"--server.address=127.0.0.1");
	}

	/**
	 * Posts a question as the form does without JavaScript, or as the script does
	 * ({@code json}).
	 */
	private HttpResponse<String> ask(String question, boolean json) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/ask"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", json ? "application/json" : "text/html")
			.header("Origin", base)
			.POST(HttpRequest.BodyPublishers
				.ofString("question=" + URLEncoder.encode(question, StandardCharsets.UTF_8)))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private long storedQuestions() throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database,
				"sa", ""); ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM open_question")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
