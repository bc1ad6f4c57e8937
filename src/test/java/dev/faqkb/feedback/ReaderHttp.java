package dev.faqkb.feedback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's browser against a running instance, over real HTTP: opens an answer page,
 * then posts votes as the script does, with the {@code Origin} a browser sends for a form
 * of this site (there is no token). Thread-safe.
 */
final class ReaderHttp {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	ReaderHttp(int port, String answerPath) throws IOException, InterruptedException {
		this.base = "http://127.0.0.1:" + port;
		HttpResponse<String> page = client.send(request(URI.create(base + answerPath)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("action=\"" + answerPath + "/feedback\"");
	}

	/** Posts a vote as the script does (JSON); {@code reader} is the reader cookie. */
	HttpResponse<String> vote(String answerPath, String reader, String helpful, String comment)
			throws IOException, InterruptedException {
		String form = "helpful=" + helpful + (comment == null ? "" : "&comment=" + encode(comment));
		HttpRequest request = request(URI.create(base + answerPath + "/feedback"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("Origin", base)
			.header("Cookie", FeedbackController.READER_COOKIE + "=" + reader)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts a vote as a browser without JavaScript does: a plain form, answered with a
	 * page.
	 */
	HttpResponse<String> voteWithoutScript(String answerPath, String reader, String helpful)
			throws IOException, InterruptedException {
		HttpRequest request = request(URI.create(base + answerPath + "/feedback"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Origin", base)
			.header("Cookie", FeedbackController.READER_COOKIE + "=" + reader)
			.POST(HttpRequest.BodyPublishers.ofString("helpful=" + helpful))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String basicAuth) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(URI.create(base + path));
		if (basicAuth != null) {
			request.header("Authorization", "Basic "
					+ java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A request that fails after a minute: a vote the site never answers is a failure to
	 * report, not a test that waits forever.
	 */
	private static HttpRequest.Builder request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
