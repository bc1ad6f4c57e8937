package dev.faqkb.insights;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.feedback.ViewCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The admin pages with a password set, on data created through the site itself. */
@FaqkbWebTest(properties = { "faqkb.admin.username=owner", "faqkb.admin.password=s3cret-pass" })
@TestContent.OwnContext // the insights count every search and vote in the database
class InsightsWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ViewCounter views;

	@Test
	void adminPagesWithoutCredentialsGet401AndAskForThem() {
		for (String page : new String[] { "/admin/insights", "/api/admin/insights", "/admin/insights.csv" }) {
			assertThat(mvc.get().uri(page).exchange()).as(page)
				.hasStatus(HttpStatus.UNAUTHORIZED)
				.hasHeader("WWW-Authenticate", "Basic realm=\"faqkb admin\"");
		}
	}

	@Test
	void adminPagesWithAWrongPasswordOrUserGet401() {
		assertThat(mvc.get().uri("/admin/insights").with(httpBasic("owner", "wrong")).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/admin/insights").with(httpBasic("admin", "s3cret-pass")).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void insightsShowWhatReadersSearchedVotedAndOpenedWithCommentsEscaped() throws Exception {
		String results = mvc.get()
			.uri("/search")
			.param("q", "password")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Matcher resultLink = Pattern.compile("href=\"(/search/opened/\\d+/help/reset-password\\?[^\"]*)\"")
			.matcher(results);
		assertThat(resultLink.find()).as("a result link carrying the search id").isTrue();
		mvc.get().uri(HtmlUtils.htmlUnescape(resultLink.group(1))).exchange();
		mvc.get().uri("/search").param("q", "unicorn invoice").exchange();
		mvc.get().uri("/search").param("q", "account").exchange();
		mvc.post()
			.uri("/faq/help/delete-account/feedback")
			.param("helpful", "no")
			.param("comment", "<script>alert('x')</script> Which address?")
			.exchange();
		mvc.get().uri("/faq/billing/cards").exchange();
		views.flush();

		// Searches and opened results are written a moment later, off the readers'
		// requests.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			MvcTestResult page = mvc.get()
				.uri("/admin/insights?period=7")
				.with(httpBasic("owner", "s3cret-pass"))
				.exchange();
			assertThat(page).hasStatusOk().hasHeader("Cache-Control", "no-store");
			assertThat(page).bodyText()
				.containsPattern("<a href=\"/search\\?q=password\">password</a></td>\\s*<td class=\"num\">1</td>"
						+ "<td class=\"num\">1</td><td class=\"num\">1</td>")
				.contains("<h2 id=\"no-results\">Searches with no results</h2>")
				.contains("<a href=\"/search?q=unicorn%20invoice\">unicorn invoice</a>")
				.contains("<h2 id=\"unopened\">Searches where nobody opened a result</h2>")
				.contains("<a href=\"/search?q=account\">account</a>")
				.contains("How do I delete my account?")
				.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Which address?")
				.doesNotContain("<script>alert(")
				.contains("Which cards do you accept?")
				.contains("<h2 id=\"categories\">Helpfulness per category</h2>")
				.contains("<a href=\"#open-questions\">Open questions (", "<a href=\"#no-results\">")
				.containsPattern("<polyline class=\"chart-searches\" points=\"[0-9., ]+\">")
				.contains("href=\"/admin/insights.csv?period=7&amp;report=no-results\"")
				.contains("<a href=\"/admin/insights?period=7\" aria-current=\"page\">7 days</a>")
				.contains("<a href=\"/admin/insights?period=90\">90 days</a>");
		});
	}

	@Test
	void insightsAsJsonAndCsvWithFormulaCellsDefused() {
		mvc.get().uri("/search").param("q", "=HYPERLINK(\"x\")").exchange();

		assertThat(mvc.get().uri("/api/admin/insights?period=90").with(httpBasic("owner", "s3cret-pass")).exchange())
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.days")
			.isEqualTo(90);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			MvcTestResult csv = mvc.get()
				.uri("/admin/insights.csv?period=30&report=no-results")
				.with(httpBasic("owner", "s3cret-pass"))
				.exchange();
			assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
			assertThat(csv).hasHeader("Content-Disposition", "attachment; filename=\"faqkb-no-results-30d-"
					+ java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".csv\"");
			assertThat(csv).bodyText()
				.startsWith("query,searches,results,opened,language\r\n")
				.contains("\"'=hyperlink(\"\"x\"\")\",1,0,0,\r\n");
		});
	}

	@Test
	void anUnknownPeriodOrReportGets400WithAMessage() {
		assertThat(mvc.get().uri("/api/admin/insights?period=14").with(httpBasic("owner", "s3cret-pass")).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("period must be 7, 30 or 90 (days)");
		assertThat(mvc.get()
			.uri("/admin/insights.csv?report=everything")
			.with(httpBasic("owner", "s3cret-pass"))
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("report must be one of top-searches");
	}

	@Test
	void homePageListsPopularQuestionsFromViews() {
		for (int i = 0; i < 3; i++) {
			mvc.get().uri("/faq/help/export").exchange();
		}
		views.flush();

		assertThat(mvc.get().uri("/").exchange()).bodyText()
			.contains("<h2 id=\"popular-title\">Popular questions</h2>")
			.contains("<li><a href=\"/faq/help/export\">Can I export my data?</a></li>");
	}

}
