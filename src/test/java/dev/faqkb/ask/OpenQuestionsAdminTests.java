package dev.faqkb.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.faqkb.integrations.SeedSiteWithIntegrations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The owner's open questions in the insights: the list, marking answered, dismissing, the
 * CSV.
 */
@SeedSiteWithIntegrations
class OpenQuestionsAdminTests {

	static final RequestPostProcessor OWNER = httpBasic("admin", SeedSiteWithIntegrations.ADMIN_PASSWORD);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	OpenQuestions questions;

	final String mark = "m" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void theInsightsListOpenQuestionsNewestFirstWithTheirSearchEscaped() throws Exception {
		questions.ask(mark + " older <b>bold</b>?", null, "raspberry <pi>", null, Instant.now().minusSeconds(60));
		questions.ask(mark + " newer?", "reader@example.com", null, "general", Instant.now());

		String page = mvc.get()
			.uri("/admin/insights")
			.with(OWNER)
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("<h2 id=\"open-questions-title\">Open questions (")
			.contains("<a href=\"/admin/open-questions.csv?period=30\">")
			.contains(mark + " older &lt;b&gt;bold&lt;/b&gt;?")
			.contains("<a href=\"/search?q=raspberry%20%3Cpi%3E\">raspberry &lt;pi&gt;</a>")
			.contains("<a href=\"mailto:reader@example.com\">reader@example.com</a>")
			.contains("<span>on general</span>")
			.contains("<form method=\"post\" action=\"/admin/open-questions/")
			.doesNotContain("_csrf");
		assertThat(page.indexOf(mark + " newer?")).isLessThan(page.indexOf(mark + " older"));
	}

	@Test
	void markingAQuestionAnsweredTakesItOffTheListAndDeletesTheEMail() {
		long id = questions.ask(mark + "?", "reader@example.com", null, null, Instant.now());

		assertThat(mvc.post()
			.uri("/admin/open-questions/" + id + "/answered")
			.param("answer", "http://localhost:8080/faq/general/why-was-mattermost-created")
			.with(OWNER)).hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "/admin/insights#open-questions");

		assertThat(mvc.get().uri("/admin/insights").with(OWNER)).bodyText().doesNotContain(mark);
		assertThat(questions.askedBetween(java.time.LocalDate.now(java.time.ZoneOffset.UTC),
				java.time.LocalDate.now(java.time.ZoneOffset.UTC)))
			.filteredOn(q -> q.id() == id)
			.singleElement()
			.satisfies(q -> {
				assertThat(q.email()).isNull();
				assertThat(q.answeredBy()).isEqualTo("general/why-was-mattermost-created");
			});
	}

	@Test
	void anAnswerThatIsNotInTheContentIsA400ThatSaysHowToNameIt() {
		long id = questions.ask(mark + "?", null, null, null, Instant.now());

		assertThat(mvc.post()
			.uri("/admin/open-questions/" + id + "/answered")
			.param("answer", "general/<no-such>")
			.with(OWNER)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains(
					"There is no answer &#39;general/&lt;no-such&gt;&#39; in the content. Give the new answer as category/id, "
							+ "like the end of its address: general/why-was-mattermost-created.");
		assertThat(questions.open(OpenQuestionsAdmin.SHOWN)).anyMatch(q -> q.id() == id);
	}

	@Test
	void aDismissedQuestionCannotBeClosedAgain() {
		long id = questions.ask(mark + "?", "reader@example.com", null, null, Instant.now());

		assertThat(mvc.post().uri("/admin/open-questions/" + id + "/dismissed").with(OWNER))
			.hasStatus(HttpStatus.SEE_OTHER);
		assertThat(mvc.post().uri("/admin/open-questions/" + id + "/dismissed").with(OWNER))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("Question " + id + " is not open: it was answered or dismissed already, or never asked.");
	}

	@Test
	void theCsvHasTheQuestionsOfThePeriodWithoutEMailAddresses() {
		questions.ask("=" + mark + ", really?", "secret-reader@example.com", "pi", null, Instant.now());

		assertThat(mvc.get().uri("/admin/open-questions.csv?period=7").with(OWNER)).hasStatusOk()
			.hasHeader("Content-Type", "text/csv;charset=UTF-8")
			.bodyText()
			.startsWith("asked_at,status,question,search,asked_from,answered_by,closed_at\r\n")
			.containsPattern("\r\n[0-9TZ:.-]+,open,\"'=" + mark + ", really\\?\",pi,,,\r\n")
			.doesNotContain("secret-reader");
		assertThat(mvc.get().uri("/admin/open-questions.csv").with(OWNER)).hasStatusOk()
			.hasHeader("Content-Disposition",
					"attachment; filename=\"faqkb-open-questions-30d-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
		assertThat(mvc.get().uri("/admin/open-questions.csv?period=12").with(OWNER)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("period must be 7, 30 or 90 (days)");
	}

	@Test
	void anOwnersActionSentFromAnotherSiteIsRefusedEvenWithThePassword() {
		long id = questions.ask(mark + "?", null, null, null, Instant.now());

		assertThat(mvc.post()
			.uri("/admin/open-questions/" + id + "/dismissed")
			.with(OWNER)
			.header("Sec-Fetch-Site", "cross-site")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/admin/open-questions/" + id + "/dismissed")
			.with(OWNER)
			.header("Origin", "https://evil.example")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(questions.open(OpenQuestionsAdmin.SHOWN)).anyMatch(q -> q.id() == id);
	}

	@Test
	void theOwnersActionsNeedThePassword() {
		assertThat(mvc.get().uri("/admin/open-questions.csv")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/admin/open-questions/1/dismissed").with(httpBasic("admin", "wrong")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

}
