package dev.faqkb.feedback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's browser against a running instance, over real HTTP: takes the CSRF cookie and form token from an
 * answer page, then posts votes as the script does. Thread-safe.
 */
final class ReaderHttp {

	private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	private final String csrfCookie;

	private final String csrfField;

	ReaderHttp(int port, String answerPath) throws IOException, InterruptedException {
		this.base = "http://127.0.0.1:" + port;
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + answerPath)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher cookie = CSRF_COOKIE.matcher(String.join("\n", page.headers().allValues("Set-Cookie")));
		Matcher field = CSRF_FIELD.matcher(page.body());
		assertThat(cookie.find()).as("answer page sets the CSRF cookie before its body").isTrue();
		assertThat(field.find()).as("answer page has a form with the CSRF token").isTrue();
		this.csrfCookie = cookie.group(1);
		this.csrfField = field.group(1);
	}

	/** Posts a vote as the script does (JSON); {@code reader} is the reader cookie. */
	HttpResponse<String> vote(String answerPath, String reader, String helpful, String comment)
			throws IOException, InterruptedException {
		String form = "_csrf=" + encode(csrfField) + "&helpful=" + helpful + (comment == null ? "" : "&comment=" + encode(comment));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + answerPath + "/feedback"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("Cookie", "XSRF-TOKEN=" + csrfCookie + "; " + FeedbackController.READER_COOKIE + "=" + reader)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a vote as a browser without JavaScript does: a plain form, answered with a page or a redirect. */
	HttpResponse<String> voteWithoutScript(String answerPath, String reader, String helpful)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + answerPath + "/feedback"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Cookie", "XSRF-TOKEN=" + csrfCookie + "; " + FeedbackController.READER_COOKIE + "=" + reader)
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrfField) + "&helpful=" + helpful))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String basicAuth) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (basicAuth != null) {
			request.header("Authorization", "Basic "
					+ java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
