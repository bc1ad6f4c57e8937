package dev.faqkb.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.RandomText;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slice of {@link QueryFuzzTest} over real HTTP on the loopback: what MockMvc skips
 * (URL decoding in the container, the encoding of the response) gets random texts too,
 * percent-encoded as a browser sends them, and bytes no browser sends (invalid UTF-8,
 * overlong and surrogate encodings, NUL, stray {@code %}). No answer is a 5xx, and the
 * checks of {@link QueryFuzzTest.Target#check} hold.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QueryFuzzHttpTest {

	static final int INPUTS = 1_000;

	static final long SEED = RandomText.seed(20_261_129L);

	/**
	 * Percent-encoded bytes that are not UTF-8 of a character, or that a server may choke
	 * on.
	 */
	static final List<String> RAW = List.of("%", "%%", "%zz", "%C0%AF", "%C0%80", "%FF", "%FE%FF", "%ED%A0%80",
			"%ED%BF%BF", "%F4%90%80%80", "%F8%88%80%80%80", "%E2%82", "%00", "%0D%0A", "a%00b", "%2e%2e%2f", "%252e",
			"%5C", "%u003c", "+", "%2B", "%3Cscript%3E", "%EF%BB%BF", "%E2%80%AE");

	@TestContent.Setup
	static void content(TestContent content) {
		QueryFuzzTest.content(content);
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void anyTextOverHttpIsAnsweredWithoutServerErrorAndReflectedEscaped() throws Exception {
		String served = QueryFuzzTest.served(uri -> send(uri).body());
		List<String> texts = new RandomText(SEED).texts(INPUTS);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			QueryFuzzTest.Target target = QueryFuzzTest.Target.of(i);
			String uri = target.uri(text);
			try {
				HttpResponse<String> response = send(uri);
				// what the server decoded: a lone surrogate was sent as "?"
				String sent = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
				target.check(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.body(), sent, served);
			}
			catch (AssertionError | Exception ex) {
				failures.add(uri + ": " + ex);
			}
		}
		assertThat(failures).as("requests that failed, of %,d (seed %d)", texts.size(), SEED).isEmpty();
	}

	@Test
	void aQueryStringThatIsNoUtf8IsABadRequestThatSaysSo() throws Exception {
		for (String uri : List.of("/api/search?q=%FF", "/api/suggest?q=%zz", "/search?q=caf%C3")) {
			Raw response = sendRaw(uri);
			assertThat(response.status()).as(uri).isEqualTo(400);
			assertThat(response.body()).as(uri).contains("The address could not be read: it has a stray ");
		}
	}

	@Test
	void bytesThatAreNoCharacterAreNeverAServerError() throws Exception {
		List<String> failures = new ArrayList<>();
		for (String raw : RAW) {
			for (String uri : List.of("/search?q=" + raw, "/api/search?q=" + raw, "/api/suggest?q=" + raw,
					"/faq/help/reset-password?hl=" + raw, "/faq/help/x" + raw, "/faq/" + raw + "/x")) {
				int status = sendRaw(uri).status();
				if (status >= 500 || status < 100) {
					failures.add(uri + ": " + status);
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * @param status -1 when the server closed the connection without an answer
	 */
	record Raw(int status, String body) {
	}

	/**
	 * A GET of {@code pathAndQuery} sent byte for byte, as no URI class would let it
	 * through.
	 */
	private Raw sendRaw(String pathAndQuery) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			// "HTTP/1.1 404 ..." first
			return answer.isEmpty() ? new Raw(-1, "") : new Raw(Integer.parseInt(answer.split(" ", 3)[1]), answer);
		}
	}

	private HttpResponse<String> send(String pathAndQuery) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/json;q=0.9")
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
