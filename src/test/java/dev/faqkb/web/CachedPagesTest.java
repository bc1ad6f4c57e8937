package dev.faqkb.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages and assets as a browser or proxy sees them: tags, caching headers, gzip and 304,
 * the same whether the page was just made or comes from the cache.
 */
@FaqkbWebTest
class CachedPagesTest {

	private static final Pattern ETAG = Pattern.compile("\"[A-Za-z0-9_-]{22}\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PageCache pages;

	@Autowired
	SnapshotStore store;

	@Test
	void homeCategoryAndAnswerPagesHaveAStrongTagAndMayBeKeptIfRevalidated() {
		for (String page : new String[] { "/", "/faq/help", "/faq/help/export" }) {
			for (int time = 1; time <= 2; time++) { // made, then from the cache
				MvcTestResult result = mvc.get().uri(page).exchange();
				assertThat(result).as("%s, time %d", page, time)
					.hasStatusOk()
					.hasHeader("Cache-Control", "no-cache, public")
					.hasHeader("Vary", "Accept-Encoding")
					.hasContentType("text/html;charset=UTF-8");
				assertThat(result.getResponse().getHeader("ETag")).as(page).matches(ETAG);
			}
		}
	}

	@Test
	void aPageFromTheCacheHasTheSiteDesignWithItsThemeToggleAndHashedScripts() {
		for (String page : new String[] { "/", "/faq/help", "/faq/help/export" }) {
			mvc.get().uri(page).exchange();
			assertThat(mvc.get().uri(page).exchange()).as(page)
				.bodyText()
				.contains("<button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\" hidden>")
				.containsPattern("<link rel=\"stylesheet\" href=\"/css/site-[0-9a-f]{32}\\.css\">")
				.containsPattern("<script src=\"/js/theme-[0-9a-f]{32}\\.js\"></script>")
				.containsPattern("<script src=\"/js/page-[0-9a-f]{32}\\.js\" defer></script>");
		}
	}

	@Test
	void anExpiredPageIsMadeAgainByOneRequestWhileTheOthersStillGetIt() {
		var snapshot = store.current();
		String path = "/expiring-test-page";
		CachedPage old = CachedPage.of("old".getBytes(StandardCharsets.UTF_8), "text/plain", CachedPage.REVALIDATE)
			.expiringAt(System.currentTimeMillis() - 1);
		pages.get(snapshot, path, () -> old);

		assertThat(pages.find(snapshot, path)).as("the one request that makes it again").isNull();
		assertThat(pages.find(snapshot, path)).as("every other request meanwhile").isSameAs(old);
		CachedPage made = CachedPage.of("new".getBytes(StandardCharsets.UTF_8), "text/plain", CachedPage.REVALIDATE);
		assertThat(pages.get(snapshot, path, () -> made)).isSameAs(made);
		assertThat(pages.find(snapshot, path)).isSameAs(made);
	}

	@Test
	void aBrowserThatHasThePageGets304WithoutABody() {
		String etag = mvc.get().uri("/faq/help/reset-password").exchange().getResponse().getHeader("ETag");

		MvcTestResult again = mvc.get().uri("/faq/help/reset-password").header("If-None-Match", etag).exchange();

		assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED).hasHeader("ETag", etag);
		assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(mvc.get().uri("/faq/help/reset-password").header("If-None-Match", "\"stale\"").exchange())
			.hasStatusOk();
	}

	@Test
	void aBrowserThatTakesGzipGetsTheSamePageGzipped() throws Exception {
		MvcTestResult plain = mvc.get().uri("/faq/help").exchange();
		MvcTestResult gzipped = mvc.get().uri("/faq/help").header("Accept-Encoding", "gzip, deflate, br").exchange();

		assertThat(gzipped).hasStatusOk().hasHeader("Content-Encoding", "gzip");
		byte[] body = gzipped.getResponse().getContentAsByteArray();
		assertThat(gzipped.getResponse().getContentLength()).isEqualTo(body.length);
		assertThat(CachedPageTest.gunzip(body)).isEqualTo(plain.getResponse().getContentAsByteArray());
		assertThat(new String(CachedPageTest.gunzip(body), StandardCharsets.UTF_8)).contains("Can I export my data?");
		assertThat(gzipped.getResponse().getHeader("ETag"))
			.isEqualTo(plain.getResponse().getHeader("ETag").replaceFirst("\"$", "-gzip\""));
	}

	@Test
	void aSearchOrSuggestionAskedAgainIsTheSameAnswerWithATagAnd304() {
		for (String address : new String[] { "/api/search?q=reset%20password", "/api/suggest?q=how%20do" }) {
			MvcTestResult first = mvc.get().uri(URI.create(address)).exchange();
			MvcTestResult again = mvc.get().uri(URI.create(address)).exchange();
			String etag = first.getResponse().getHeader("ETag");

			assertThat(first).as(address).hasStatusOk().hasContentType("application/json");
			assertThat(etag).as(address).matches(ETAG);
			assertThat(again.getResponse().getContentAsByteArray())
				.isEqualTo(first.getResponse().getContentAsByteArray());
			assertThat(mvc.get().uri(URI.create(address)).header("If-None-Match", etag).exchange()).as(address)
				.hasStatus(HttpStatus.NOT_MODIFIED);
		}
		assertThat(mvc.get().uri(URI.create("/api/search?q=reset%20password")).exchange()).bodyJson()
			.extractingPath("$.results[0].id")
			.isEqualTo("reset-password");
		assertThat(mvc.get().uri(URI.create("/api/suggest?q=how%20do")).exchange()).hasHeader("Cache-Control",
				"max-age=60");
	}

	@Test
	void aDifferentQueryIsADifferentAnswer() {
		assertThat(mvc.get().uri(URI.create("/api/search?q=cards")).exchange()).bodyJson()
			.extractingPath("$.results[0].id")
			.isEqualTo("cards");
		assertThat(mvc.get().uri(URI.create("/api/search?q=export")).exchange()).bodyJson()
			.extractingPath("$.results[0].id")
			.isEqualTo("export");
		assertThat(mvc.get().uri(URI.create("/api/search?q=" + "x".repeat(300))).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void assetsLinkedWithTheirHashAreKeptForAYearAndTheirPlainNamesRevalidated() throws Exception {
		String page = mvc.get().uri("/faq/help").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Matcher css = Pattern.compile("<link rel=\"stylesheet\" href=\"(/css/site-[0-9a-f]{32}\\.css)\">")
			.matcher(page);
		assertThat(css.find()).as("hashed stylesheet link in %s", page).isTrue();

		MvcTestResult hashed = mvc.get().uri(css.group(1)).header("Accept-Encoding", "gzip").exchange();
		MvcTestResult plain = mvc.get().uri("/css/site.css").exchange();

		assertThat(hashed).hasStatusOk()
			.hasHeader("Cache-Control", "max-age=31536000, public, immutable")
			.hasHeader("Content-Encoding", "gzip")
			.hasContentType("text/css");
		assertThat(plain).hasStatusOk().hasHeader("Cache-Control", "no-cache, public");
		assertThat(plain.getResponse().getHeader("ETag")).matches(ETAG);
		assertThat(plain).bodyText().contains("body");
	}

	@Test
	void theSearchPageIsMadeForEachSearchGzippedAndKeptByNoCache() throws Exception {
		MvcTestResult first = mvc.get()
			.uri(URI.create("/search?q=password"))
			.header("Accept-Encoding", "gzip")
			.exchange();
		MvcTestResult second = mvc.get()
			.uri(URI.create("/search?q=password"))
			.header("Accept-Encoding", "gzip")
			.exchange();

		assertThat(first).hasStatusOk().hasHeader("Content-Encoding", "gzip").hasHeader("Cache-Control", "no-store");
		// each search is logged, and its result links carry its own id
		assertThat(
				new String(CachedPageTest.gunzip(second.getResponse().getContentAsByteArray()), StandardCharsets.UTF_8))
			.contains("How do I reset my password?")
			.isNotEqualTo(new String(CachedPageTest.gunzip(first.getResponse().getContentAsByteArray()),
					StandardCharsets.UTF_8));
	}

	@Test
	void everyResponseCarriesTheSecurityHeadersCachedOrNot() {
		mvc.get().uri("/faq/billing").exchange();
		for (String address : new String[] { "/faq/billing", "/faq/billing/cards", "/js/search.js", "/faq/nowhere",
				"/search?q=cards", "/api/suggest?q=car" }) {
			assertThat(mvc.get().uri(address).exchange()).as(address)
				.hasHeader("X-Content-Type-Options", "nosniff")
				.hasHeader("X-Frame-Options", "DENY");
		}
	}

	@Test
	void markedAnswersAreMadeForTheirRequestAndThePlainPageStaysUnmarked() {
		assertThat(mvc.get().uri("/faq/help/export?hl=account").exchange()).hasStatusOk()
			.bodyText()
			.contains("<mark>account</mark>");
		assertThat(mvc.get().uri("/faq/help/export").exchange()).hasStatusOk().bodyText().doesNotContain("<mark>");
	}

	@Test
	void anUnknownQuestionStays404BesideCachedPages() {
		mvc.get().uri("/faq/help").exchange();
		for (int time = 1; time <= 2; time++) {
			assertThat(mvc.get().uri("/faq/help/no-such-question").exchange()).hasStatus(HttpStatus.NOT_FOUND)
				.doesNotContainHeader("ETag");
		}
	}

}
