package dev.faqkb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar a user downloads: at most 100 MB (issue 24), with what the build unpacked into
 * it instead of whole jars still served.
 */
class PackagedJarIT {

	@TempDir
	Path dir;

	@Test
	void weighsAtMostOneHundredMegabytes() throws Exception {
		assertThat(Files.size(RunningJar.jar())).isLessThanOrEqualTo(100_000_000L);
	}

	@Test
	void servesTheCodeHighlighterUnpackedFromItsWebjar() throws Exception {
		Path content = TestContent.write(Files.createDirectories(dir.resolve("content")));
		List<String> args = List.of("--faqkb.content-dir=" + content, "--faqkb.content.watch=false",
				"--faqkb.data-dir=" + dir.resolve("data"), "--faqkb.search.semantic.enabled=false");
		try (RunningJar app = RunningJar.start(dir.resolve("app.log"), List.of(), args)) {
			HttpResponse<String> script = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/webjars/highlightjs/highlight.min.js"))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(script.statusCode()).isEqualTo(200);
			assertThat(script.body()).contains("hljs");
		}
	}

}
