package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.site.SnapshotStore;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages are made once and served to everyone, so nothing one reader sends or does may end
 * up in them: not their search words, their vote or comment, their cookies, their
 * address, nor their browser's language.
 */
@FaqkbWebTest
class TwoReadersTest {

	private static final String[] PAGES = { "/", "/faq/help", "/faq/help/export", "/faq/billing/cards" };

	@TestContent.Setup
	static void content(TestContent content) {
		// A date on the billing pages, which a page made in the first reader's language
		// would show in theirs; no
		// popular questions, so that the home page changes with the content alone, not
		// with page views.
		content.helpAndBilling().site("title: Test FAQ\npopularQuestions: false\n").file("billing.md", """
				---
				title: Billing
				order: 2
				updated: 2024-05-31
				---

				## Which cards do you accept? {#cards}

				Visa and Mastercard.
				""");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SnapshotStore store;

	@Autowired
	PageCache pages;

	@Test
	void whatTheFirstReaderSendsNeverAppearsInTheSecondReadersPages() throws Exception {
		Cookie firstReader = new Cookie("faqkb_reader", "0b6f1c1e-3d9a-4f55-9b1e-5f0c8d1a2b3c");
		for (String page : PAGES) {
			// The first reader makes every page: with their cookies, language, marks and
			// stray parameters.
			mvc.get()
				.uri(page + "?hl=zebra-secret&thanks=export&s=42")
				.cookie(firstReader, new Cookie("session-ish", "first-reader-secret"))
				.header("Accept-Language", "de-DE")
				.exchange();
			mvc.get().uri(page).cookie(firstReader).header("Accept-Language", "de-DE").exchange();
		}
		mvc.get().uri("/search?q=zebra-secret").cookie(firstReader).exchange();
		mvc.post()
			.uri("/faq/help/export/feedback")
			.param("helpful", "no")
			.param("comment", "zebra-secret comment")
			.cookie(firstReader)
			.exchange();

		for (String page : PAGES) {
			MvcTestResult second = mvc.get().uri(page).exchange();
			assertThat(second).as(page).hasStatusOk().doesNotContainHeader("Set-Cookie");
			assertThat(second.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(page)
				.doesNotContain("zebra", "secret", firstReader.getValue(), "<mark>", "Mai", "_csrf")
				.doesNotContain("data-feedback hidden=\"hidden\""); // the first reader's
																	// vote shows in no
																	// other page
		}
		assertThat(mvc.get().uri("/faq/billing/cards").exchange()).bodyText()
			.contains("31 May 2024")
			.contains(
					"<form class=\"feedback-vote\" method=\"post\" action=\"/faq/billing/cards/feedback\" data-feedback>");
	}

	@Test
	void aPageMadeForOneReaderIsByteForByteThePageMadeForAnother() {
		for (String page : PAGES) {
			byte[] first = madeAfresh(page, request -> request
				.cookie(new Cookie("faqkb_reader", "0b6f1c1e-3d9a-4f55-9b1e-5f0c8d1a2b3c"), new Cookie("theme", "dark"))
				.header("Accept-Language", "de-DE")
				.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
				.header("Referer", "https://search.example/?q=first-reader")
				.with(reader -> {
					reader.setRemoteAddr("192.0.2.10");
					return reader;
				}));
			byte[] second = madeAfresh(page,
					request -> request.header("Accept-Language", "fr-CA, fr;q=0.8")
						.header("User-Agent", "curl/8.5.0")
						.header("Host", "faq.example.net")
						.with(reader -> {
							reader.setRemoteAddr("198.51.100.20");
							return reader;
						}));

			assertThat(new String(second, StandardCharsets.UTF_8)).as(page)
				.isEqualTo(new String(first, StandardCharsets.UTF_8));
		}
	}

	/**
	 * The page at {@code path} as made for one reader's request, not from the cache: a
	 * reload starts an empty cache for the same content.
	 */
	private byte[] madeAfresh(String path, UnaryOperator<MockMvcRequestBuilder> reader) {
		store.reload();
		assertThat(pages.find(store.current(), path)).as("kept before the request: %s", path).isNull();

		MvcTestResult made = reader.apply(mvc.get().uri(path)).exchange();

		assertThat(made).as(path).hasStatusOk();
		assertThat(pages.find(store.current(), path)).as("kept after the request: %s", path).isNotNull();
		return made.getResponse().getContentAsByteArray();
	}

}
