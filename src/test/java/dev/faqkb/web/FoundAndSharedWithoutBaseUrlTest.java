package dev.faqkb.web;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site whose {@code site.yml} gives no {@code baseUrl}: pages keep relative addresses
 * (a guessed host in a page that is cached for everyone could be anybody's), the sitemap
 * and robots.txt take the request's, which they need.
 */
@FaqkbWebTest
class FoundAndSharedWithoutBaseUrlTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void pagesUseTheirPathAsCanonicalAndLeaveOutOgUrl() {
		assertThat(mvc.get().uri("/faq/help/export")).hasStatusOk()
			.bodyText()
			.contains("<link rel=\"canonical\" href=\"/faq/help/export\">")
			.contains("<meta property=\"og:title\" content=\"Can I export my data?\">")
			.contains("data-url=\"/faq/help/export\">Copy link</button>")
			.doesNotContain("og:url");
	}

	@Test
	void sitemapAndRobotsUseTheAddressTheyWereAskedAt() {
		assertThat(mvc.get().uri("http://help.example.org/sitemap.xml")).hasStatusOk()
			.bodyText()
			.contains("<url><loc>http://help.example.org/faq/help/export</loc></url>");
		assertThat(mvc.get().uri("http://help.example.org/robots.txt")).hasStatusOk()
			.bodyText()
			.endsWith("Sitemap: http://help.example.org/sitemap.xml\n");
	}

	@Test
	void homeOfASiteWithoutTitleSaysWhatItIsAndHowMuchItHas() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("<h1>Test FAQ</h1>")
			.contains("<p class=\"lead\">4 answers in 2 categories. Search, or start with a category.</p>")
			.contains("<meta name=\"description\" content=\"4 questions and answers about Help, Billing.\">");
	}

}
