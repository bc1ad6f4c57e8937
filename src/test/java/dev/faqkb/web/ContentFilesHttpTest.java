package dev.faqkb.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A picture over real HTTP, where Tomcat sends the file itself (sendfile): the same
 * bytes, whole and in part, as from the file.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentFilesHttpTest {

	static final byte[] PNG = TestImages.png(900, 700);

	@TestContent.Setup
	static void content(TestContent content) {
		content.file("img/big.png", PNG)
			.category("general", "General", "\n## Big? {#big}\n\n![A big picture](img/big.png)\n");
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> get(String range) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/files/" + TestContent.fileHash(PNG) + "/big.png"));
		if (range != null) {
			request.header("Range", range);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theWholePictureAndAPartOfItAreTheFilesBytes() throws Exception {
		HttpResponse<byte[]> whole = get(null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(PNG.length);
		assertThat(whole.body()).isEqualTo(PNG);

		HttpResponse<byte[]> part = get("bytes=100-4195");
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-4195/" + PNG.length);
		assertThat(part.body()).isEqualTo(Arrays.copyOfRange(PNG, 100, 4196));

		HttpResponse<byte[]> tail = get("bytes=-10");
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(PNG, PNG.length - 10, PNG.length));
	}

}
