package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.faqkb.TestContent;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages are made once and served to everyone, so nothing one reader sends or does may end up in them: not their
 * search words, their vote or comment, their cookies, nor their browser's language.
 */
// Semantic search off, as in @FaqkbWebTest: its vectors would join in the background between two requests
// and change a kept answer (the cache starts again when they are ready), which is not what these tests check.
@SpringBootTest(properties = { "faqkb.content.watch=false", "faqkb.search.semantic.enabled=false" })
@AutoConfigureMockMvc
class TwoReadersTest {

	private static final String[] PAGES = { "/", "/faq/help", "/faq/help/export", "/faq/billing/cards" };

	@TempDir
	static Path content;

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) throws Exception {
		TestContent.write(content);
		// A date on every answer page, which a page made in the first reader's language would show in theirs.
		Path billing = content.resolve("billing.md");
		Files.writeString(billing, Files.readString(billing).replace("order: 2\n", "order: 2\nupdated: 2024-05-31\n"));
		registry.add("faqkb.content-dir", content::toString);
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void whatTheFirstReaderSendsNeverAppearsInTheSecondReadersPages() throws Exception {
		Cookie firstReader = new Cookie("faqkb_reader", "0b6f1c1e-3d9a-4f55-9b1e-5f0c8d1a2b3c");
		for (String page : PAGES) {
			// The first reader makes every page: with their cookies, language, marks and stray parameters.
			mvc.get().uri(page + "?hl=zebra-secret&thanks=export&s=42")
				.cookie(firstReader, new Cookie("session-ish", "first-reader-secret"))
				.header("Accept-Language", "de-DE")
				.exchange();
			mvc.get().uri(page).cookie(firstReader).header("Accept-Language", "de-DE").exchange();
		}
		mvc.get().uri("/search?q=zebra-secret").cookie(firstReader).exchange();
		mvc.post().uri("/faq/help/export/feedback")
			.param("helpful", "no")
			.param("comment", "zebra-secret comment")
			.cookie(firstReader)
			.exchange();

		for (String page : PAGES) {
			MvcTestResult second = mvc.get().uri(page).exchange();
			assertThat(second).as(page).hasStatusOk().doesNotContainHeader("Set-Cookie");
			assertThat(second.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(page)
				.doesNotContain("zebra", "secret", firstReader.getValue(), "<mark>", "Mai", "_csrf")
				.doesNotContain("data-feedback hidden=\"hidden\""); // the first reader's vote shows in no other page
		}
		assertThat(mvc.get().uri("/faq/billing/cards").exchange()).bodyText()
			.contains("31 May 2024")
			.contains("<form class=\"feedback-vote\" method=\"post\" action=\"/faq/billing/cards/feedback\" data-feedback>");
	}

	@Test
	void everyReaderGetsTheSameBytesForAPage() {
		byte[] first = mvc.get().uri("/faq/help").cookie(new Cookie("faqkb_reader", "a")).exchange()
			.getResponse().getContentAsByteArray();
		byte[] second = mvc.get().uri("/faq/help").header("Accept-Language", "fr").exchange()
			.getResponse().getContentAsByteArray();

		assertThat(second).isEqualTo(first);
	}

}
