package dev.faqkb.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A content change replaces every cached page: nothing of the old content is served, or
 * called unchanged.
 */
@FaqkbWebTest
class PageCacheReloadTest {

	@Autowired
	TestContent content;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SnapshotStore store;

	@Test
	void afterAReloadEveryPageIsMadeFromTheNewContent() throws IOException {
		String[] pages = { "/", "/faq/billing", "/faq/billing/cards", "/api/search?q=cards" };
		String[] before = new String[pages.length];
		for (int i = 0; i < pages.length; i++) {
			assertThat(mvc.get().uri(URI.create(pages[i])).exchange()).bodyText()
				.contains("Which cards do you accept?");
			before[i] = mvc.get().uri(URI.create(pages[i])).exchange().getResponse().getHeader("ETag"); // cached
		}

		Path billing = content.dir().resolve("billing.md");
		Files.writeString(billing,
				Files.readString(billing)
					.replace("Which cards do you accept?", "Which cards and wallets do you accept?")
					.replace("Visa and Mastercard.", "Visa, Mastercard and PayPal."));
		store.reload();

		for (int i = 0; i < pages.length; i++) {
			MvcTestResult now = mvc.get().uri(URI.create(pages[i])).header("If-None-Match", before[i]).exchange();
			assertThat(now).as(pages[i])
				.hasStatusOk()
				.bodyText()
				.contains("Which cards and wallets do you accept?")
				.doesNotContain("Which cards do you accept?");
			assertThat(now.getResponse().getHeader("ETag")).as(pages[i]).isNotEqualTo(before[i]);
		}
		assertThat(mvc.get().uri("/faq/billing/cards").exchange()).bodyText().contains("Visa, Mastercard and PayPal.");
	}

	@Test
	void afterAReloadTheSitemapListsTheNewQuestionAndHasANewTag() throws IOException {
		MvcTestResult before = mvc.get().uri("http://help.example.org/sitemap.xml").exchange();
		assertThat(before).bodyText().doesNotContain("/faq/help/change-email");
		String etag = before.getResponse().getHeader("ETag");
		assertThat(mvc.get().uri("http://help.example.org/sitemap.xml").header("If-None-Match", etag).exchange())
			.as("kept")
			.hasStatus(HttpStatus.NOT_MODIFIED);

		Path help = content.dir().resolve("help.md");
		Files.writeString(help,
				Files.readString(help) + "\n## How do I change my e-mail? {#change-email}\n\nOn the account page.\n");
		store.reload();

		MvcTestResult after = mvc.get()
			.uri("http://help.example.org/sitemap.xml")
			.header("If-None-Match", etag)
			.exchange();
		assertThat(after).hasStatusOk()
			.bodyText()
			.contains("<url><loc>http://help.example.org/faq/help/change-email</loc></url>");
		assertThat(after.getResponse().getHeader("ETag")).isNotEqualTo(etag);
	}

}
