package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request copies a large answer: {@code ?hl=} marks the words of a search only in an
 * answer up to {@code faqkb.pages.large-answer} (20 KB here), on a page made for that
 * request; a larger answer, and one without any of the words, is the page made once for
 * everyone. A large answer's schema.org data carries its opening, not the whole answer a
 * second time.
 */
@FaqkbWebTest(properties = "faqkb.pages.large-answer=20KB")
class LargeAnswerPagesTest {

	private static final String PARAGRAPH = "Exports of an account run at night and take a while, so plan ahead.";

	@TestContent.Setup
	static void content(TestContent content) {
		// About 45,000 characters of HTML: over the limit of this test, under the default
		// one (100 KB)
		content.helpAndBilling()
			.category("large", "Large", "\n## Everything about exports? {#everything}\n\n"
					+ (PARAGRAPH + "\n\n").repeat(600) + "The last paragraph.\n");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Test
	void searchWordsAreMarkedInAnAnswerUnderTheLimitOnAPageMadeForTheRequest() {
		MvcTestResult marked = get("/faq/help/export?hl=account");

		assertThat(body(marked)).contains("Yes, from the <mark>account</mark> page.");
		// nothing keeps it, so it has no tag to revalidate against
		assertThat(marked).hasHeader("Cache-Control", "no-cache, public").doesNotContainHeader("ETag");
	}

	@Test
	void anAnswerOverTheLimitIsShownWholeAndUnmarkedAsThePageMadeOnceForEveryone() {
		MvcTestResult plain = get("/faq/large/everything");
		MvcTestResult searched = get("/faq/large/everything?hl=exports+account");

		assertThat(body(searched)).isEqualTo(body(plain)).contains("The last paragraph.").doesNotContain("<mark>");
		assertThat(searched.getResponse().getHeader("ETag")).isNotNull()
			.isEqualTo(plain.getResponse().getHeader("ETag"));
	}

	@Test
	void searchWordsTheAnswerDoesNotHaveGetThePageMadeOnceForEveryone() {
		MvcTestResult plain = get("/faq/help/export");
		MvcTestResult searched = get("/faq/help/export?hl=zebra");

		assertThat(body(searched)).isEqualTo(body(plain));
		assertThat(searched.getResponse().getHeader("ETag")).isNotNull()
			.isEqualTo(plain.getResponse().getHeader("ETag"));
	}

	@Test
	void aLargeAnswersStructuredDataCarriesItsOpeningAndThePageTheWholeAnswer() {
		String page = body(get("/faq/large/everything"));

		String text = structuredData(page).path("mainEntity").path("acceptedAnswer").path("text").asString();
		assertThat(text).startsWith(PARAGRAPH + "\n\n" + PARAGRAPH).endsWith("…").hasSizeLessThanOrEqualTo(10_001);
		assertThat(page).contains("The last paragraph.");
		assertThat(structuredData(body(get("/faq/large"))).path("mainEntity")
			.get(0)
			.path("acceptedAnswer")
			.path("text")
			.asString()).isEqualTo(text);
	}

	private MvcTestResult get(String uri) {
		MvcTestResult result = mvc.get().uri(uri).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return result;
	}

	private static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode structuredData(String page) {
		Matcher script = Pattern.compile("(?s)<script type=\"application/ld\\+json\">(.*?)</script>").matcher(page);
		assertThat(script.find()).as("a JSON-LD script").isTrue();
		return json.readTree(script.group(1));
	}

}
