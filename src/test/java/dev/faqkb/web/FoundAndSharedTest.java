package dev.faqkb.web;

import java.io.UnsupportedEncodingException;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How search engines, browsers and link previews see the site: titles and descriptions,
 * canonical and Open Graph tags, schema.org data, the sitemap, robots.txt and the
 * OpenSearch description, all with absolute addresses from {@code site.yml}'s
 * {@code baseUrl}.
 */
@FaqkbWebTest
class FoundAndSharedTest {

	static final String BASE = "https://faq.example.com";

	@TestContent.Setup
	static void content(TestContent content) {
		content.file("site.yml", """
				title: Example Help Centre
				description: Answers about Example & its tools.
				baseUrl: https://faq.example.com/
				""");
		content.file("account.md", """
				---
				title: Account
				description: Passwords, sign-in and deleting an account.
				order: 1
				updated: 2024-05-31
				---

				## How do I reset my password? {#reset-password}

				Yes. Open the account page and choose "Reset password"; a link arrives by e-mail within a minute. \
				It works for an hour.

				## Can I embed a page? {#embed}

				Write `</script><script>alert(1)</script>` and nothing runs.

				## Not ready {#not-ready .draft}

				A draft.
				""");
		content.file("billing.md", """
				---
				title: Billing
				order: 2
				---

				## Which cards do you accept? {#cards}

				Visa and Mastercard.
				""");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	PageCache pages;

	@Autowired
	dev.faqkb.site.SnapshotStore store;

	@Test
	void questionPageIsDescribedByItsAnswersFirstSentencesWithAbsoluteAddresses() {
		String page = page("/faq/account/reset-password");
		assertThat(page).contains("<title>How do I reset my password? · Account · Example Help Centre</title>")
			.contains(
					"<meta name=\"description\" content=\"Yes. Open the account page and choose &quot;Reset password&quot;;"
							+ " a link arrives by e-mail within a minute.\">")
			.contains("<link rel=\"canonical\" href=\"" + BASE + "/faq/account/reset-password\">")
			.contains("<meta property=\"og:type\" content=\"article\">")
			.contains("<meta property=\"og:title\" content=\"How do I reset my password?\">")
			.contains("<meta property=\"og:site_name\" content=\"Example Help Centre\">")
			.contains("<meta property=\"og:url\" content=\"" + BASE + "/faq/account/reset-password\">")
			.contains("<meta name=\"twitter:card\" content=\"summary\">")
			.doesNotContain("noindex");

		JsonNode data = structuredData(page);
		assertThat(data.path("@context").asString()).isEqualTo("https://schema.org");
		assertThat(data.path("@type").asString()).isEqualTo("QAPage");
		JsonNode question = data.path("mainEntity");
		assertThat(question.path("name").asString()).isEqualTo("How do I reset my password?");
		assertThat(question.path("answerCount").asInt()).isEqualTo(1);
		assertThat(question.path("dateModified").asString()).isEqualTo("2024-05-31");
		assertThat(question.path("acceptedAnswer").path("text").asString()).startsWith("Yes. Open the account page");
		assertThat(question.path("acceptedAnswer").path("url").asString())
			.isEqualTo(BASE + "/faq/account/reset-password");
	}

	@Test
	void categoryPageIsAnFaqPageOfItsPublishedQuestions() {
		String page = page("/faq/account");
		assertThat(page).contains("<meta name=\"description\" content=\"Passwords, sign-in and deleting an account.\">")
			.contains("<meta property=\"og:type\" content=\"website\">");
		JsonNode data = structuredData(page);
		assertThat(data.path("@type").asString()).isEqualTo("FAQPage");
		assertThat(data.path("mainEntity").valueStream().map(entry -> entry.path("name").asString()))
			.containsExactly("How do I reset my password?", "Can I embed a page?");
		assertThat(data.path("mainEntity").get(0).path("acceptedAnswer").path("@type").asString()).isEqualTo("Answer");
	}

	@Test
	void structuredDataCannotEndItsScriptElement() {
		String page = page("/faq/account/embed");
		String script = page.substring(page.indexOf("<script type=\"application/ld+json\">"));
		script = script.substring(0, script.indexOf("</script>"));
		assertThat(script).doesNotContain("<script>").contains("\\u003c/script\\u003e");
		assertThat(structuredData(page).path("mainEntity").path("acceptedAnswer").path("text").asString())
			.isEqualTo("Write </script><script>alert(1)</script> and nothing runs.");
	}

	@Test
	void homePageNamesTheSiteAndItsSearch() {
		String page = page("/");
		assertThat(page).contains("<meta name=\"description\" content=\"Answers about Example &amp; its tools.\">")
			.contains("<link rel=\"canonical\" href=\"" + BASE + "/\">")
			.contains(
					"<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"Example Help Centre\" href=\"/opensearch.xml\">")
			.containsPattern("<link rel=\"icon\" href=\"/favicon-[0-9a-f]{32}\\.svg\" type=\"image/svg\\+xml\">");
		JsonNode data = structuredData(page);
		assertThat(data.path("@type").asString()).isEqualTo("WebSite");
		assertThat(data.path("potentialAction").path("target").asString())
			.isEqualTo(BASE + "/search?q={search_term_string}");
	}

	@Test
	void homePageShowsEachCategoryAsACardWithItsCountAndFirstQuestions() {
		assertThat(page("/")).containsPattern(
				"(?s)<li class=\"card\">\\s*<h3 class=\"card-title\"><a href=\"/faq/account\">Account</a></h3>"
						+ "\\s*<p class=\"card-count\">2 questions</p>\\s*<p class=\"card-description\">Passwords, sign-in and deleting an account.</p>")
			.contains("<p class=\"card-count\">1 question</p>");
	}

	@Test
	void searchAndErrorPagesAreKeptOutOfSearchEngines() {
		assertThat(page("/search?q=password")).contains("<meta name=\"robots\" content=\"noindex\">")
			.doesNotContain("og:title")
			.doesNotContain("rel=\"canonical\"");
		assertThat(mvc.get().uri("/faq/nothing").accept(MediaType.TEXT_HTML)).hasStatus(404)
			.bodyText()
			.contains("<meta name=\"robots\" content=\"noindex\">");
	}

	@Test
	void sitemapListsEveryPublishedPageWithItsDate() {
		assertThat(mvc.get().uri("/sitemap.xml")).hasStatusOk()
			.hasContentType("application/xml;charset=UTF-8")
			.bodyText()
			.isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + "<url><loc>" + BASE
					+ "/</loc></url>" + "<url><loc>" + BASE + "/faq/account</loc><lastmod>2024-05-31</lastmod></url>"
					+ "<url><loc>" + BASE + "/faq/account/reset-password</loc><lastmod>2024-05-31</lastmod></url>"
					+ "<url><loc>" + BASE + "/faq/account/embed</loc><lastmod>2024-05-31</lastmod></url>" + "<url><loc>"
					+ BASE + "/faq/billing</loc></url>" + "<url><loc>" + BASE + "/faq/billing/cards</loc></url>"
					+ "</urlset>");
	}

	@Test
	void robotsPointToTheSitemapAndKeepCrawlersOffSearchResults() {
		assertThat(mvc.get().uri("/robots.txt")).hasStatusOk()
			.hasContentType("text/plain;charset=UTF-8")
			.bodyText()
			.contains("User-agent: *\n")
			.contains("Disallow: /search\n")
			.contains("Disallow: /api/\n")
			.endsWith("Sitemap: " + BASE + "/sitemap.xml\n");
	}

	@Test
	void openSearchDescriptionLetsBrowsersSearchTheSite() {
		assertThat(mvc.get().uri("/opensearch.xml")).hasStatusOk()
			.hasContentType("application/opensearchdescription+xml;charset=UTF-8")
			.bodyText()
			.contains("<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">")
			.contains("<ShortName>Example Help</ShortName>")
			.contains("<Description>Search Example Help Centre</Description>")
			.contains("<Url type=\"text/html\" method=\"get\" template=\"" + BASE + "/search?q={searchTerms}\"/>");
	}

	@Test
	void withABaseUrlEveryHostGetsTheOneCopyThatNamesIt() {
		for (String path : DiscoveryController.PATHS) {
			String etag = mvc.get().uri("http://faq.example.com" + path).exchange().getResponse().getHeader("ETag");
			for (String host : new String[] { "http://localhost:8080", "http://evil.example", "https://10.0.0.7" }) {
				assertThat(mvc.get().uri(host + path).exchange()).as(host + path)
					.hasStatusOk()
					.hasHeader("ETag", etag)
					.bodyText()
					.contains(BASE + "/")
					.doesNotContain(host);
			}
		}
		assertThat(pages.hostedCount(store.current())).isEqualTo(DiscoveryController.PATHS.size());
	}

	@Test
	void faviconIsAnSvg() {
		assertThat(mvc.get().uri("/favicon.svg")).hasStatusOk()
			.hasContentTypeCompatibleWith("image/svg+xml")
			.bodyText()
			.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
	}

	@Test
	void answersLinkToThemselvesWithTheCleanAbsoluteAddress() {
		assertThat(page("/faq/account/reset-password?hl=password"))
			.contains("data-url=\"" + BASE + "/faq/account/reset-password\">Copy link</button>")
			.contains("<p class=\"print-url\">" + BASE + "/faq/account/reset-password</p>")
			.doesNotContain("data-url=\"" + BASE + "/faq/account/reset-password?");
		assertThat(page("/faq/billing")).contains("data-url=\"" + BASE + "/faq/billing/cards\"")
			.contains("<p class=\"print-url\">" + BASE + "/faq/billing/cards</p>");
	}

	private String page(String uri) {
		var result = mvc.get().uri(uri).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).as(uri).hasStatusOk();
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode structuredData(String page) {
		Matcher script = Pattern.compile("(?s)<script type=\"application/ld\\+json\">(.*?)</script>").matcher(page);
		assertThat(script.find()).as("a JSON-LD script").isTrue();
		return json.readTree(script.group(1));
	}

}
