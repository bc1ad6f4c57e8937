package dev.faqkb.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing web pages with schema.org FAQPage markup, from files and from a server on the
 * loopback address (nothing leaves the machine).
 */
class WebPageImportTest {

	@TempDir
	Path dir;

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(2));
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}

	private String address(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private void serve(String path, int status, String contentType, byte[] body) {
		server.createContext(path, exchange -> reply(exchange, status, contentType, body));
	}

	private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void redirect(String path, String location) {
		server.createContext(path, exchange -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
	}

	private static byte[] fixture(String name) throws IOException {
		try (InputStream in = WebPageImportTest.class.getResourceAsStream("/importer/" + name)) {
			return in.readAllBytes();
		}
	}

	private Path fixtureFile(String name) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, fixture(name));
		return file;
	}

	private Path content() {
		return dir.resolve("content");
	}

	@Test
	void jsonLdPageFromAFileBecomesACategoryWithLinksAndImagesMadeAbsolute() throws IOException {
		Path page = fixtureFile("faq-jsonld.html");
		ImportCommand.Result result = ImportCommand.run(page.toString(), "--to", content().toString());
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(ImportCommand.read(content().resolve("faq-jsonld.md"))).isEqualTo("""
				---
				title: "Example FAQ"
				description: "Answers about Example."
				---

				## How do I reset my password? {#reset}

				Open [your account](https://help.example.com/account) and choose **Reset**.

				![The reset button](https://help.example.com/support/img/reset.png)

				## Is there an app?

				Yes, for iOS & Android.

				Both are free.
				""");
		assertThat(ImportCommand.validate(content()).exit()).isZero();
	}

	@Test
	void microdataPageBecomesACategoryWithScriptsAndHandlersRemovedAndReported() throws IOException {
		Path page = fixtureFile("faq-microdata.html");
		ImportCommand.Result result = ImportCommand.run(page.toString(), "--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).first()
			.isEqualTo(page
					+ ":16: the answer to 'Can I pay in {currency}?': <script> left out (cannot be shown in Markdown, or unsafe)");
		assertThat(ImportCommand.read(content().resolve("faq-microdata.md"))).isEqualTo("""
				---
				title: "Shop questions"
				---

				## Do you ship abroad? {#shipping}

				Yes, to *most* countries:

				- Europe
				- North America

				## Can I pay in \\{currency\\}? {#can-i-pay-in-currency}

				Only in euros: see [payment options](https://shop.example.com/pay).
				""");
		assertThat(ImportCommand.validate(content()).exit()).isZero();
	}

	@Test
	void hostileAnswerIsServedWithoutScriptsHandlersOrJavascriptLinks() {
		// JSON inside a script writes "</" as "<\/", or the script would end there.
		String answer = "<p onmouseover=\\\"steal()\\\">Type &lt;script&gt;alert(1)&lt;/script&gt; to test.</p>"
				+ "<img src=\\\"x\\\" onerror=\\\"steal()\\\"><a href=\\\"javascript:steal()\\\">click</a>"
				+ "<img src=\\\"data:image/png;base64,AAAA\\\"><script>steal()<\\/script><style>p{}</style>"
				+ "<a href=\\\"https://example.com/ok\\\" style=\\\"color:red\\\">fine</a>";
		Path page = ImportCommand.write(dir.resolve("hostile.html"), """
				<script type="application/ld+json">
				{"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Is it <b>safe</b>?",
				 "acceptedAnswer": {"@type": "Answer", "text": "%s"}}]}
				</script>
				""".formatted(answer));
		ImportCommand.Result result = ImportCommand.run(page.toString(), "--to", content().toString(), "--base-url",
				"https://help.example.com/");
		assertThat(result.out()).contains(page + ":2: the answer to 'Is it safe?': <script>, <style> left out");
		String html = new ContentLoader(new MarkdownRenderer(), false).load(content()).questions().get(0).answerHtml();
		assertThat(html).contains("Type &lt;script&gt;alert(1)&lt;/script&gt; to test.")
			.contains("<a href=\"https://example.com/ok\">fine</a>")
			.doesNotContain("<script", "steal", "onerror", "onmouseover", "javascript:", "data:", "style");
	}

	@Test
	void pageFetchedOverHttpFollowsRedirectsAndResolvesLinksAgainstItsAddress() throws IOException {
		serve("/support/faq.html", 200, "text/html; charset=utf-8", fixture("faq-jsonld.html"));
		redirect("/faq", "/support/faq.html");
		ImportCommand.Result result = ImportCommand.run(address("/faq"), "--to", content().toString());
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(result.lines()).first()
			.isEqualTo(content().resolve("faq.md") + ": wrote 2 question(s) from " + address("/faq"));
		assertThat(ImportCommand.read(content().resolve("faq.md")))
			.contains("Open [your account](" + address("/account") + ")")
			.contains("![The reset button](" + address("/support/img/reset.png") + ")");
	}

	@Test
	void redirectToAnotherSchemeIsRefusedAndNothingIsWritten() {
		redirect("/faq", "file:///etc/passwd");
		ImportCommand.Result result = ImportCommand.run(address("/faq"), "--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				address("/faq") + ": redirected to 'file:///etc/passwd': only http and https redirects are followed",
				"nothing written: a source could not be read");
		assertThat(content()).doesNotExist();
	}

	@Test
	void pageLargerThanTheLimitIsRefusedWhetherItsSizeIsAnnouncedOrNot() throws IOException {
		byte[] big = ("<html><body>" + "x".repeat(5000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
		serve("/announced", 200, "text/html", big);
		server.createContext("/chunked", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 5; i++) {
					out.write(big, i * 1000, 1000);
					out.flush();
				}
			}
			catch (IOException ex) {
				// the importer hung up, as it should
			}
		});
		PageFetcher small = new PageFetcher(1000, Duration.ofSeconds(10));
		for (String path : new String[] { "/announced", "/chunked" }) {
			ImportCommand.Result result = ImportCommand.run(small, address(path), "--to", content().toString());
			assertThat(result.exit()).isEqualTo(1);
			assertThat(result.lines()).first().isEqualTo(address(path) + ": larger than 1000 bytes: not imported");
		}
		Path file = ImportCommand.write(dir.resolve("big.html"), new String(big, StandardCharsets.UTF_8));
		assertThat(ImportCommand.run(small, file.toString(), "--to", content().toString()).lines()).first()
			.isEqualTo(file + ": larger than 1000 bytes: not imported");
		assertThat(content()).doesNotExist();
	}

	@Test
	void pageThatDoesNotAnswerInTimeIsRefused() {
		server.createContext("/slow", exchange -> {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		long started = System.nanoTime();
		ImportCommand.Result result = ImportCommand.run(new PageFetcher(1000, Duration.ofMillis(300)), address("/slow"),
				"--to", content().toString());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).first()
			.isEqualTo(address("/slow") + ": no complete answer within 0 s (300 ms): not imported");
	}

	@Test
	void missingPageAndAPageThatIsNotHtmlAreReported() {
		serve("/gone", 404, "text/html", "not here".getBytes(StandardCharsets.UTF_8));
		serve("/faq.pdf", 200, "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
		assertThat(ImportCommand.run(address("/gone"), "--to", content().toString()).lines()).first()
			.isEqualTo(address("/gone") + ": cannot fetch " + address("/gone") + ": HTTP 404");
		assertThat(ImportCommand.run(address("/faq.pdf"), "--to", content().toString()).lines()).first()
			.isEqualTo(address("/faq.pdf") + ": not an HTML page: " + address("/faq.pdf") + " is application/pdf");
	}

	@Test
	void pageWithoutFaqPageMarkupIsReportedAndNothingIsWritten() {
		Path page = ImportCommand.write(dir.resolve("about.html"), "<html><body><h1>About us</h1></body></html>");
		ImportCommand.Result result = ImportCommand.run(page.toString(), "--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				page + ": no schema.org FAQPage with questions (JSON-LD or microdata): nothing to import",
				"nothing written: a source could not be read");
	}

	@Test
	void invalidJsonLdIsReportedWithItsLineAndTheMicrodataIsImported() throws IOException {
		String microdata = new String(fixture("faq-microdata.html"), StandardCharsets.UTF_8);
		Path page = ImportCommand.write(dir.resolve("shop.html"), microdata.replace("<head>",
				"<head>\n<script type=\"application/ld+json\">{\"@type\": \"FAQPage\",</script>"));
		ImportCommand.Result result = ImportCommand.run(page.toString(), "--to", content().toString());
		assertThat(result.lines()).first()
			.asString()
			.startsWith(page + ":4: JSON-LD that is not valid JSON: left out (");
		assertThat(ImportCommand.read(content().resolve("shop.md"))).contains("## Do you ship abroad?");
	}

}
