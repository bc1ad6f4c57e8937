package dev.faqkb.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.faqkb.RunningJar;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request body can take the heap: the packaged jar, with the 256 MB heap
 * {@link RunningJar} gives it, gets 16 posts of 15 MB to {@code /mcp} at once (before the
 * limits, 8 ran out of memory and connections dropped), then 16 of 3 MB to "Ask us". Each
 * is a 413 that says so, none a 5xx or a dropped connection, nothing runs out of memory,
 * and the site answers as before.
 */
class LargeBodiesIT {

	private static final int CLIENTS = 16;

	@TempDir
	Path dir;

	@Test
	void sixteenFifteenMegabytePostsAtOnceAreEach413AndTheSiteServesOn() throws Exception {
		Path content = TestContent.write(Files.createDirectories(dir.resolve("content")));
		List<String> args = List.of("--faqkb.content-dir=" + content, "--faqkb.content.watch=false",
				"--faqkb.data-dir=" + dir.resolve("data"));
		try (RunningJar app = RunningJar.start(dir.resolve("app.log"), args)) {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			byte[] mcp = body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": {\"name\": "
					+ "\"search_faq\", \"arguments\": {\"query\": \"", 15 * 1024 * 1024, "\"}}}");
			byte[] question = body("question=", 3 * 1024 * 1024, "&search=&from=");

			List<HttpResponse<String>> mcpReplies = atOnce(
					() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/mcp"))
						.header("Content-Type", "application/json")
						.header("Accept", "application/json, text/event-stream")
						.POST(HttpRequest.BodyPublishers.ofByteArray(mcp))
						.build(), HttpResponse.BodyHandlers.ofString()));
			List<HttpResponse<String>> askReplies = atOnce(
					() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ask"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofByteArray(question))
						.build(), HttpResponse.BodyHandlers.ofString()));

			assertThat(mcpReplies).allSatisfy(reply -> {
				assertThat(reply.statusCode()).isEqualTo(413);
				assertThat(reply.body())
					.isEqualTo("{\"error\":\"What was sent is too large: this address takes at most "
							+ "256 KB, so none of it was read. Please send less.\"}");
			});
			assertThat(askReplies).allSatisfy(reply -> {
				assertThat(reply.statusCode()).isEqualTo(413);
				assertThat(reply.body()).contains("What was sent is too large: this address takes at most 11,641 bytes")
					.contains("<form method=\"post\" action=\"/ask\" data-ask>");
			});
			HttpResponse<String> ping = client.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/mcp"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(ping.statusCode()).isEqualTo(200);
			assertThat(app.output()).doesNotContain("OutOfMemoryError").doesNotContain(" ERROR ");
		}
	}

	/**
	 * {@code head}, {@code size} bytes of {@code x}, then {@code tail}: a body with one
	 * long value.
	 */
	private static byte[] body(String head, int size, String tail) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'x');
		byte[] start = head.getBytes(StandardCharsets.UTF_8);
		byte[] end = tail.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(end, 0, body, size - end.length, end.length);
		return body;
	}

	/** {@value #CLIENTS} of {@code request} at once; their replies. */
	private static List<HttpResponse<String>> atOnce(Request request) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				sent.add(clients.submit(request::send));
			}
			List<HttpResponse<String>> replies = new ArrayList<>();
			for (Future<HttpResponse<String>> reply : sent) {
				replies.add(reply.get()); // a dropped connection fails here, with its
											// IOException
			}
			return replies;
		}
		finally {
			clients.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface Request {

		HttpResponse<String> send() throws Exception;

	}

}
