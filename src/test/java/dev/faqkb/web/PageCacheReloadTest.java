package dev.faqkb.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.faqkb.TestContent;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** A content change replaces every cached page: nothing of the old content is served, or called unchanged. */
// Semantic search off, as in @FaqkbWebTest: its vectors would join in the background between two requests
// and change a kept answer (the cache starts again when they are ready), which is not what these tests check.
@SpringBootTest(properties = { "faqkb.content.watch=false", "faqkb.search.semantic.enabled=false" })
@AutoConfigureMockMvc
class PageCacheReloadTest {

	@TempDir
	static Path content;

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("faqkb.content-dir", () -> TestContent.write(content).toString());
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SnapshotStore store;

	@Test
	void afterAReloadEveryPageIsMadeFromTheNewContent() throws IOException {
		String[] pages = { "/", "/faq/billing", "/faq/billing/cards", "/api/search?q=cards" };
		String[] before = new String[pages.length];
		for (int i = 0; i < pages.length; i++) {
			assertThat(mvc.get().uri(URI.create(pages[i])).exchange()).bodyText().contains("Which cards do you accept?");
			before[i] = mvc.get().uri(URI.create(pages[i])).exchange().getResponse().getHeader("ETag"); // cached
		}

		Path billing = content.resolve("billing.md");
		Files.writeString(billing, Files.readString(billing)
			.replace("Which cards do you accept?", "Which cards and wallets do you accept?")
			.replace("Visa and Mastercard.", "Visa, Mastercard and PayPal."));
		store.reload();

		for (int i = 0; i < pages.length; i++) {
			MvcTestResult now = mvc.get().uri(URI.create(pages[i])).header("If-None-Match", before[i]).exchange();
			assertThat(now).as(pages[i]).hasStatusOk()
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
			.as("kept").hasStatus(HttpStatus.NOT_MODIFIED);

		Path help = content.resolve("help.md");
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
