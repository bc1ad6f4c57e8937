package dev.faqkb.feedback;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Votes, comments, the search log and view counts, through the pages a reader uses. */
@FaqkbWebTest
class FeedbackWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Votes votes;

	@Autowired
	ViewCounter views;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchLogQueue searchLog;

	@Test
	void answerPageAsksWasThisHelpfulWithAFormThatNeedsNoToken() {
		MvcTestResult page = mvc.get().uri("/faq/help/reset-password").exchange();

		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Was this helpful?")
			.contains("action=\"/faq/help/reset-password/feedback\"")
			.doesNotContain("_csrf")
			.contains("name=\"helpful\" value=\"yes\"", "name=\"helpful\" value=\"no\"")
			.containsPattern("<script src=\"/js/feedback-[0-9a-f]{32}\\.js\" defer></script>");
		assertThat(page).cookies().doesNotContainCookie("XSRF-TOKEN");
	}

	@Test
	void categoryPageHasAFeedbackFormUnderEveryAnswerThatComesBackToTheCard() throws Exception {
		MvcTestResult page = mvc.get().uri("/faq/help").exchange();

		assertThat(page).hasStatusOk();
		String body = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(Pattern.compile("class=\"feedback-vote\"").matcher(body).results().count()).isEqualTo(3);
		assertThat(body).contains("action=\"/faq/help/delete-account/feedback\"")
			.contains("name=\"from\" value=\"category\"");
	}

	@Test
	void voteWithoutJavaScriptIsStoredAndAnsweredWithAThankYouPageOfferingAComment() {
		Votes.Tally before = votes.tally("help", "reset-password");

		MvcTestResult result = mvc.post()
			.uri("/faq/help/reset-password/feedback")
			.param("helpful", "no")
			.param("from", "page")
			.exchange();

		assertThat(result).hasStatusOk().hasHeader("Cache-Control", "no-store");
		assertThat(result).bodyText()
			.contains("<h1 role=\"status\">Thank you for your feedback.</h1>")
			.contains("<form class=\"feedback-comment\" method=\"post\" action=\"/faq/help/reset-password/feedback\">")
			.contains("<input type=\"hidden\" name=\"helpful\" value=\"no\">")
			.contains("maxlength=\"1000\"")
			.contains("<a href=\"/faq/help/reset-password\">Back to the answer</a>");
		assertThat(result).cookies().containsCookie(FeedbackController.READER_COOKIE);
		assertThat(votes.tally("help", "reset-password")).isEqualTo(new Votes.Tally(before.yes(), before.no() + 1));
	}

	@Test
	void aCommentFromTheCategoryPageIsThankedAndLeadsBackToThatAnswersCard() {
		MvcTestResult result = mvc.post()
			.uri("/faq/help/delete-account/feedback")
			.param("helpful", "yes")
			.param("comment", "Clear, thanks")
			.param("from", "category")
			.exchange();

		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("<h1 role=\"status\">Thank you, your comment has been sent.</h1>")
			.contains("<a href=\"/faq/help#delete-account\">Back to the answer</a>")
			.doesNotContain("<textarea");
	}

	@Test
	void theScriptGetsJsonAndTheSameReaderVotingTwiceTheSameDayCountsOnce() {
		Cookie reader = new Cookie(FeedbackController.READER_COOKIE, UUID.randomUUID().toString());
		Votes.Tally before = votes.tally("billing", "cards");

		MvcTestResult first = mvc.post()
			.uri("/faq/billing/cards/feedback")
			.param("helpful", "yes")
			.accept(MediaType.APPLICATION_JSON)
			.header("Sec-Fetch-Site", "same-origin")
			.cookie(reader)
			.exchange();
		MvcTestResult second = mvc.post()
			.uri("/faq/billing/cards/feedback")
			.param("helpful", "no")
			.param("comment", "Do you take PayPal?")
			.accept(MediaType.APPLICATION_JSON)
			.header("Origin", "http://localhost")
			.cookie(reader)
			.exchange();

		assertThat(first).hasStatusOk().bodyJson().extractingPath("$.counted").isEqualTo(true);
		assertThat(second).hasStatusOk().bodyJson().extractingPath("$.counted").isEqualTo(false);
		assertThat(second).bodyJson().extractingPath("$.message").isEqualTo("Thank you, your comment has been sent.");
		assertThat(votes.tally("billing", "cards")).isEqualTo(new Votes.Tally(before.yes(), before.no() + 1));
	}

	@Test
	void aVoteFromAnotherSiteIsForbiddenAndNotStored() {
		Votes.Tally before = votes.tally("help", "export");

		assertThat(mvc.post()
			.uri("/faq/help/export/feedback")
			.param("helpful", "yes")
			.header("Sec-Fetch-Site", "cross-site")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("This form was sent from another site, so it was not accepted.")
			.contains("<a href=\"/faq/help/export\">Back to the page</a>");
		assertThat(mvc.post()
			.uri("/faq/help/export/feedback")
			.param("helpful", "yes")
			.header("Origin", "https://evil.example")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.startsWith("This form was sent from another site");
		assertThat(votes.tally("help", "export")).isEqualTo(before);
	}

	@Test
	void aVoteOnAnUnknownQuestionGets404() {
		assertThat(mvc.post().uri("/faq/help/no-such-question/feedback").param("helpful", "yes").exchange())
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.as("no way back to an answer that does not exist")
			.doesNotContain("Back to the page");
		assertThat(mvc.post().uri("/faq/nowhere/reset-password/feedback").param("helpful", "yes").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void helpfulOtherThanYesOrNoGets400WithAMessageAndStoresNothing() {
		Votes.Tally before = votes.tally("help", "export");

		assertThat(mvc.post().uri("/faq/help/export/feedback").param("helpful", "maybe").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("helpful must be &#39;yes&#39; or &#39;no&#39;")
			.contains("<a href=\"/faq/help/export\">Back to the page</a>");
		assertThat(mvc.post().uri("/faq/help/export/feedback").accept(MediaType.APPLICATION_JSON).exchange())
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("helpful must be 'yes' or 'no'");
		assertThat(votes.tally("help", "export")).isEqualTo(before);
	}

	@Test
	void aCommentOfMoreThan1000CharactersGets400AndStoresNothingWhile1000AreFine() {
		Votes.Tally before = votes.tally("help", "export");

		assertThat(mvc.post()
			.uri("/faq/help/export/feedback")
			.param("helpful", "no")
			.param("comment", "x".repeat(1001))
			.accept(MediaType.APPLICATION_JSON)
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("Your comment is too long: at most 1,000 characters, it has 1,001.");
		assertThat(votes.tally("help", "export")).isEqualTo(before);

		// A browser's maxlength counts a line break as one character but sends CRLF.
		assertThat(mvc.post()
			.uri("/faq/help/export/feedback")
			.param("helpful", "no")
			.param("comment", "x".repeat(499) + "\r\n" + "y".repeat(500))
			.accept(MediaType.APPLICATION_JSON)
			.exchange()).hasStatusOk();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM vote WHERE comment_text = :text")
			.param("text", "x".repeat(499) + "\n" + "y".repeat(500))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void readersNeedNoLoginAndGetNoSession() {
		for (String page : new String[] { "/", "/faq/help", "/faq/help/export", "/search?q=password",
				"/actuator/health" }) {
			MvcTestResult result = mvc.get().uri(page).exchange();
			assertThat(result).as(page).hasStatusOk();
			assertThat(result.getRequest().getSession(false)).as(page).isNull();
		}
	}

	@Test
	void crawlersAreNotCountedAsReaders() {
		views.flush();
		long before = viewsOf("help", "delete-account");

		mvc.get()
			.uri("/faq/help/delete-account")
			.header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)")
			.exchange();
		mvc.get()
			.uri("/faq/help/delete-account")
			.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
			.exchange();
		views.flush();

		assertThat(viewsOf("help", "delete-account")).isEqualTo(before + 1);
	}

	@Test
	void searchResultLinksLeadToTheMarkedAnswerAndOpeningOneIsRecorded() throws Exception {
		MvcTestResult results = mvc.get().uri("/search").param("q", "Reset  Password").exchange();
		Matcher link = Pattern.compile("href=\"(/search/opened/(\\d+)/help/reset-password\\?hl=[^\"]*)\"")
			.matcher(results.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(link.find()).as("result link with the search id").isTrue();
		long searchId = Long.parseLong(link.group(2));

		assertThat(mvc.get().uri(URI.create(link.group(1).replace("&amp;", "&"))).exchange())
			.hasStatus(HttpStatus.SEE_OTHER)
			.hasHeader("Location", "/faq/help/reset-password?hl=Reset%20%20Password")
			.hasHeader("Cache-Control", "no-store");
		searchLog.flush();

		assertThat(jdbc.sql("SELECT query_text FROM search_log WHERE id = :id")
			.param("id", searchId)
			.query(String.class)
			.single()).isEqualTo("reset password");
		assertThat(jdbc.sql("SELECT question_id FROM search_click WHERE search_id = :id")
			.param("id", searchId)
			.query(String.class)
			.list()).containsExactly("reset-password");
	}

	@Test
	void eachSearchForTheSameWordsGetsItsOwnIdInTheKeptPageGzippedOrNot() throws Exception {
		Pattern id = Pattern.compile("href=\"/search/opened/(\\d+)/");
		MvcTestResult first = mvc.get().uri("/search?q={q}", "export data").exchange();
		MvcTestResult second = mvc.get()
			.uri("/search?q={q}", "export data")
			.header("Accept-Encoding", "gzip")
			.exchange();

		assertThat(first).hasStatusOk()
			.hasHeader("Cache-Control", "no-store")
			.hasContentType("text/html;charset=UTF-8");
		assertThat(second).hasStatusOk().hasHeader("Content-Encoding", "gzip").hasHeader("Vary", "Accept-Encoding");
		byte[] gzipped = second.getResponse().getContentAsByteArray();
		assertThat(second.getResponse().getContentLength()).isEqualTo(gzipped.length);
		String firstPage = first.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String secondPage;
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
			secondPage = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		Matcher firstIds = id.matcher(firstPage);
		Matcher secondIds = id.matcher(secondPage);
		assertThat(firstIds.find()).isTrue();
		assertThat(secondIds.find()).isTrue();
		long firstId = Long.parseLong(firstIds.group(1));
		long secondId = Long.parseLong(secondIds.group(1));
		assertThat(secondId).isNotEqualTo(firstId);
		assertThat(secondPage).as("the same page but for its id")
			.isEqualTo(firstPage.replace("/search/opened/" + firstId + "/", "/search/opened/" + secondId + "/"));
		assertThat(secondPage).as("the placeholder the page was made with").doesNotContain("999999999999999999");

		searchLog.flush();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM search_log WHERE id IN (:ids) AND query_text = 'export data'")
			.param("ids", java.util.List.of(firstId, secondId))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void answerViewsAreCountedAndWrittenOnFlush() {
		views.flush();
		long before = viewsOf("billing", "cards");

		mvc.get().uri("/faq/billing/cards").exchange();
		mvc.get().uri("/faq/billing/cards").exchange();
		mvc.get().uri("/faq/billing/no-such-question").exchange();
		views.flush();

		assertThat(viewsOf("billing", "cards")).isEqualTo(before + 2);
		assertThat(viewsOf("billing", "no-such-question")).isZero();
	}

	private long viewsOf(String category, String id) {
		return jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM question_views WHERE category = :c AND question_id = :q")
			.param("c", category)
			.param("q", id)
			.query(Long.class)
			.single();
	}

}
