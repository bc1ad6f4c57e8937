package dev.faqkb.system;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Every kind of response carries the browser protections, and the pages keep to what the
 * CSP allows.
 */
@FaqkbWebTest(properties = { "faqkb.admin.username=owner", "faqkb.admin.password=s3cret-pass" })
class SecurityHeadersTests {

	private static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

	// A script element with content (not a JSON data block), an inline style, or an event
	// handler attribute.
	private static final Pattern INLINE_CODE = Pattern.compile(
			"<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/(?:ld\\+)?json\")[^>]*>|\\sstyle=\"|\\son[a-z]+=\"",
			Pattern.CASE_INSENSITIVE);

	@TestContent.Setup
	static void content(TestContent content) {
		// A moved question, so that the category page has its JSON redirect block.
		content.helpAndBilling().file("billing.md", """
				---
				title: Billing
				order: 2
				redirects:
				  payment-cards: cards
				---

				## Which cards do you accept? {#cards}

				Visa and Mastercard.
				""");
	}

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/faq/billing", "/faq/help/export", "/faq/help/export?hl=account",
			"/search?q=password", "/api/search?q=password", "/api/suggest?q=pass", "/faq/help/no-such-question",
			"/no/such/page", "/api/search?q=" + "x", "/actuator/health", "/css/site.css" })
	void everyResponseCarriesTheBrowserProtections(String address) {
		assertProtected(mvc.get().uri(address).exchange());
	}

	@Test
	void adminPagesAndTheirLoginPromptCarryThemToo() {
		assertProtected(mvc.get().uri("/admin/insights").with(httpBasic("owner", "s3cret-pass")).exchange());
		assertProtected(
				mvc.get().uri("/admin/insights.csv?report=daily").with(httpBasic("owner", "s3cret-pass")).exchange());
		MvcTestResult prompt = mvc.get().uri("/admin/insights").exchange();
		assertThat(prompt).hasStatus(HttpStatus.UNAUTHORIZED);
		assertProtected(prompt);
	}

	@Test
	void aFormRefusedAsSentFromAnotherSiteCarriesThemToo() {
		MvcTestResult refused = mvc.post()
			.uri("/faq/help/export/feedback")
			.param("helpful", "yes")
			.header("Sec-Fetch-Site", "cross-site")
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
		assertProtected(refused);
	}

	@Test
	void aCachedPageServedAgainCarriesThemToo() {
		mvc.get().uri("/faq/help/export").exchange();
		assertProtected(mvc.get().uri("/faq/help/export").exchange());
		MvcTestResult notModified = mvc.get()
			.uri("/faq/help/export")
			.header("If-None-Match", mvc.get().uri("/faq/help/export").exchange().getResponse().getHeader("ETag"))
			.exchange();
		assertThat(notModified).hasStatus(HttpStatus.NOT_MODIFIED);
		assertProtected(notModified);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/faq/billing", "/faq/help/export", "/ask", "/search?q=password",
			"/faq/help/no-such-question", "/admin/insights" })
	void pagesHaveNoInlineScriptStyleOrEventHandlerThatTheCspWouldBlock(String address) throws Exception {
		MvcTestResult page = mvc.get().uri(address).with(httpBasic("owner", "s3cret-pass")).exchange();
		String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("<html");
		assertThat(INLINE_CODE.matcher(html).results().map(match -> match.group()).toList()).isEmpty();
	}

	@Test
	void theCategoryPageStillHasItsRedirectsAsAJsonDataBlock() {
		assertThat(mvc.get().uri("/faq/billing").exchange()).bodyText()
			.contains("<script type=\"application/json\" id=\"faq-redirects\">");
	}

	@Test
	void pagesWithFormsSetNoCookieAndCarryNoToken() {
		for (String address : new String[] { "/faq/help/export", "/faq/billing", "/search?q=password", "/ask" }) {
			MvcTestResult page = mvc.get().uri(address).exchange();
			assertThat(page.getResponse().getCookies()).as(address).isEmpty();
			assertThat(page).as(address).bodyText().contains("method=\"post\"").doesNotContain("_csrf");
		}
	}

	private static void assertProtected(MvcTestResult response) {
		assertThat(response).hasHeader("Content-Security-Policy", CSP)
			.hasHeader("Referrer-Policy", "strict-origin-when-cross-origin")
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasHeader("X-Frame-Options", "DENY");
		assertThat(response.getResponse().getHeader("Permissions-Policy")).contains("camera=()", "geolocation=()",
				"microphone=()");
	}

}
