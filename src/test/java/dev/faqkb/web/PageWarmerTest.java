package dev.faqkb.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.feedback.ViewCounter;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a content change, the pages read most are made again before any reader asks: the
 * first reader after a reload gets a kept page, and the warming counts no view.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageWarmerTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.category("account", "Account", """

				## How do I reset my password? {#reset-password}

				From the sign-in page.

				## How do I close my account? {#close}

				Write to us.
				""").category("billing", "Billing", """

				## Which cards do you accept? {#cards}

				Visa and Mastercard.
				""");
	}

	@Autowired
	TestContent content;

	@Autowired
	SnapshotStore store;

	@Autowired
	PageCache pages;

	@Autowired
	ViewCounter views;

	@LocalServerPort
	int port;

	@Test
	void afterAReloadTheHomeCategoriesAndMostViewedAnswersAreMadeBeforeAnyReaderAsks() throws Exception {
		views.viewed("account", "close");
		views.viewed("account", "close");
		assertThat(views.flush()).isEqualTo(1);

		Path billing = content.dir().resolve("billing.md");
		Files.writeString(billing, Files.readString(billing).replace("Visa and Mastercard.", "Visa and PayPal."));
		Snapshot reloaded = store.reload();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(new String[] { "/", "/faq/account", "/faq/billing", "/faq/account/close" })
				.allSatisfy(path -> assertThat(pages.find(reloaded, path)).as(path).isNotNull()));
		CachedPage kept = pages.find(reloaded, "/faq/billing");
		HttpResponse<String> firstReader = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/faq/billing")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(firstReader.body()).contains("Visa and PayPal.");
		assertThat(pages.find(reloaded, "/faq/billing")).as("served as kept, not made again").isSameAs(kept);
		// read by nobody: left for its first reader
		assertThat(pages.find(reloaded, "/faq/account/reset-password")).isNull();
		assertThat(views.flush()).as("question-days with new views").isZero();
	}

}
