package dev.faqkb.ask;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.integrations.SeedSiteWithIntegrations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** "Didn't find your answer? Ask us", as a reader uses it with and without JavaScript. */
@SeedSiteWithIntegrations
class AskFormTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Each test posts from an address of its own, so the rate limit of one never meets
	 * another.
	 */
	final String address = "192.0.2." + (1 + (int) (Math.random() * 250));

	final String mark = "m" + UUID.randomUUID().toString().substring(0, 8);

	RequestPostProcessor from(String remoteAddress) {
		return request -> {
			request.setRemoteAddr(remoteAddress);
			return request;
		};
	}

	List<Map<String, Object>> stored() {
		return jdbc.sql(
				"SELECT question_text, email, search_query, asked_from, status FROM open_question WHERE question_text LIKE :mark")
			.param("mark", "%" + mark + "%")
			.query()
			.listOfRows();
	}

	/** Text with markup and both kinds of quotes, as a reader might type or paste it. */
	static final String TYPED = "<script>alert(\"hi\")</script> it's";

	/**
	 * {@link #TYPED} as the page must show it: every character that could end an
	 * attribute or start a tag escaped.
	 */
	static final String TYPED_ESCAPED = "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; it&#39;s";

	static String page(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The opening tag of the form field with {@code id}, its attributes on one line. */
	static String field(String page, String id) {
		Matcher tag = Pattern.compile("<(?:textarea|input) id=\"" + id + "\"[^>]*>").matcher(page);
		assertThat(tag.find()).as("a field with id %s", id).isTrue();
		return tag.group().replaceAll("\\s+", " ");
	}

	/** What the question's text area holds. */
	static String questionText(String page) {
		Matcher area = Pattern.compile("<textarea id=\"ask-question\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
			.matcher(page);
		assertThat(area.find()).as("the question's text area").isTrue();
		return area.group(1);
	}

	@Test
	void aSearchWithoutResultsOffersTheFormWithTheSearchInIt() {
		assertThat(mvc.get().uri("/search?q=qwxzv")).hasStatusOk()
			.bodyText()
			.contains("Didn’t find your answer? Ask us")
			.contains("<form method=\"post\" action=\"/ask\" data-ask>")
			.doesNotContain("_csrf")
			.contains("<input type=\"hidden\" name=\"search\" value=\"qwxzv\">")
			.contains("maxlength=\"500\"");
	}

	@Test
	void theLastPageOfResultsOffersTheFormToo() {
		// The seed's 7 questions fit on one page, so it is the last one.
		assertThat(mvc.get().uri("/search?q=mattermost")).bodyText()
			.contains("7 results", "Didn’t find your answer? Ask us")
			.contains("<input type=\"hidden\" name=\"search\" value=\"mattermost\">");
	}

	@Test
	void everyCategoryPageEndsWithTheForm() {
		assertThat(mvc.get().uri("/faq/general")).hasStatusOk()
			.bodyText()
			.contains("Didn’t find your answer? Ask us")
			.contains("<input type=\"hidden\" name=\"from\" value=\"general\">");
	}

	@Test
	void withoutJavaScriptTheQuestionIsStoredAndTheReaderThanked() {
		MvcTestResult result = mvc.post()
			.uri("/ask")
			.param("question", "Can I run " + mark + " on a Raspberry Pi?")
			.param("email", " reader@example.com ")
			.param("search", "raspberry pi")
			.param("from", "search")

			.with(from(address))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location", "/ask?sent=1&q=raspberry%20pi");
		assertThat(stored()).singleElement()
			.satisfies(
					row -> assertThat(row).containsEntry("QUESTION_TEXT", "Can I run " + mark + " on a Raspberry Pi?")
						.containsEntry("EMAIL", "reader@example.com")
						.containsEntry("SEARCH_QUERY", "raspberry pi")
						.containsEntry("ASKED_FROM", null)
						.containsEntry("STATUS", "open"));
		assertThat(mvc.get().uri(URI.create("/ask?sent=1&q=raspberry%20pi"))).hasStatusOk()
			.bodyText()
			.contains("Thank you, we have your question.")
			.contains("<a href=\"/search?q=raspberry%20pi\">Back to your search</a>");
	}

	@Test
	void withJavaScriptTheScriptGetsJsonAndTheCategoryItWasAskedOn() {
		MvcTestResult result = mvc.post()
			.uri("/ask")
			.param("question", mark + " without search?")
			.param("from", "general")
			.accept(MediaType.APPLICATION_JSON)

			.with(from(address))
			.exchange();

		assertThat(result).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"message\": \"Thank you, we have your question. Once the FAQ answers it, you will find it here.\"}");
		assertThat(stored()).singleElement().satisfies(row -> {
			assertThat(row.get("ASKED_FROM")).isEqualTo("general");
			assertThat(row.get("EMAIL")).isNull();
			assertThat(row.get("SEARCH_QUERY")).isNull();
		});
	}

	@Test
	void anEmptyQuestionComesBackAsA400WithTheReasonAtTheQuestionAndTheEMailKept() throws Exception {
		MvcTestResult result = mvc.post()
			.uri("/ask")
			.param("question", "  \n ")
			.param("email", mark + "@example.com")
			.param("search", TYPED)
			.with(from(address))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasHeader("Cache-Control", "no-store");
		String page = page(result);
		assertThat(page).contains("<title>Error: Ask us · Mattermost FAQ</title>")
			.contains("<p class=\"ask-field-error error\" id=\"ask-question-error\">Please write your question.</p>")
			.contains("<input type=\"hidden\" name=\"search\" value=\"" + TYPED_ESCAPED + "\">")
			.doesNotContain("<script>alert(");
		assertThat(field(page, "ask-question")).contains("aria-invalid=\"true\"",
				"aria-describedby=\"ask-question-error\"", "autofocus");
		assertThat(field(page, "ask-email")).contains("value=\"" + mark + "@example.com\"")
			.doesNotContain("aria-invalid", "aria-describedby", "autofocus");
		assertThat(mvc.post().uri("/ask").param("question", "").accept(MediaType.APPLICATION_JSON).with(from(address)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"Please write your question.\"}");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM open_question WHERE email = :email")
			.param("email", mark + "@example.com")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aTooLongQuestionComesBackEscapedWithTheLimitAtTheQuestion() throws Exception {
		String question = TYPED + mark + "x".repeat(500);

		MvcTestResult result = mvc.post()
			.uri("/ask")
			.param("question", question)
			.param("email", "reader@example.com")
			.with(from(address))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		String page = page(result);
		assertThat(page)
			.contains("<p class=\"ask-field-error error\" id=\"ask-question-error\">Your question is too long: at most "
					+ "500 characters, it has " + String.format("%,d", question.length()) + ".</p>")
			.doesNotContain("<script>alert(");
		assertThat(questionText(page)).isEqualTo(TYPED_ESCAPED + mark + "x".repeat(500));
		assertThat(field(page, "ask-question")).contains("aria-invalid=\"true\"",
				"aria-describedby=\"ask-question-error\"");
		assertThat(field(page, "ask-email")).contains("value=\"reader@example.com\"").doesNotContain("aria-invalid");
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", question)
			.accept(MediaType.APPLICATION_JSON)
			.with(from(address))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"Your question is too long: at most 500 characters, it has "
					+ String.format("%,d", question.length()) + ".\"}");
		assertThat(stored()).isEmpty();
	}

	@Test
	void aQuestionIsMeasuredAsTheBrowserAndTheDatabaseMeasureIt() throws Exception {
		// 300 emoji are 600 UTF-16 units: the browser's maxlength stops at 500 of them,
		// and so does H2's VARCHAR(500).
		String emoji = mark + "\uD83D\uDE00".repeat(300);

		assertThat(mvc.post().uri("/ask").param("question", emoji).with(from(address)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Your question is too long: at most 500 characters, it has "
					+ String.format("%,d", emoji.length()) + ".");
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + "\uD83D\uDE00".repeat(200))
			.param("search", "\uD83D\uDE00".repeat(200))
			.with(from(address))).hasStatus(HttpStatus.SEE_OTHER);
		assertThat(stored()).singleElement()
			.satisfies(row -> assertThat((String) row.get("SEARCH_QUERY")).isEqualTo("\uD83D\uDE00".repeat(128)));
	}

	@Test
	void controlCharactersAreLeftOutOfWhatIsStored() {
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + "\u0000 is\u001b[31m it?")
			.param("email", "a\u0000@example.com")
			.with(from(address))).hasStatus(HttpStatus.SEE_OTHER);

		assertThat(stored()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("QUESTION_TEXT", mark + " is[31m it?")
				.containsEntry("EMAIL", "a@example.com"));
	}

	@Test
	void fiveHundredCharactersIsStillAQuestion() {
		String question = mark + "é".repeat(500 - mark.length());

		assertThat(mvc.post().uri("/ask").param("question", question).with(from(address)))
			.hasStatus(HttpStatus.SEE_OTHER);
		assertThat(stored()).hasSize(1);
	}

	@Test
	void aWrongEMailComesBackAsA400WithTheReasonAtTheEMailAndTheQuestionKept() throws Exception {
		MvcTestResult result = mvc.post()
			.uri("/ask")
			.param("question", TYPED + mark)
			.param("email", "\"><b>" + mark + "</b>'")
			.with(from(address))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		String page = page(result);
		assertThat(page)
			.contains("<p class=\"ask-field-error error\" id=\"ask-email-error\">“&quot;&gt;&lt;b&gt;" + mark
					+ "&lt;/b&gt;&#39;” does not look like an e-mail address. Leave it empty if you need no reply.</p>")
			.contains("<p class=\"ask-error error\" id=\"ask-error\" role=\"alert\" hidden=\"hidden\"></p>")
			.doesNotContain("<b>" + mark, "<script>alert(");
		assertThat(questionText(page)).isEqualTo(TYPED_ESCAPED + mark);
		assertThat(field(page, "ask-question")).doesNotContain("aria-invalid", "aria-describedby", "autofocus");
		assertThat(field(page, "ask-email")).contains("value=\"&quot;&gt;&lt;b&gt;" + mark + "&lt;/b&gt;&#39;\"",
				"aria-invalid=\"true\"", "aria-describedby=\"ask-email-error\"", "autofocus");
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + "?")
			.param("email", "not an address")
			.accept(MediaType.APPLICATION_JSON)
			.with(from(address))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"“not an address” does not look like an e-mail address. "
					+ "Leave it empty if you need no reply.\"}");
		assertThat(stored()).isEmpty();
	}

	@Test
	void aQuestionPostedFromAnotherSiteIsForbiddenWithAWayBackAndStoresNothing() {
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + "?")
			.header("Sec-Fetch-Site", "cross-site")
			.with(from(address))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("This form was sent from another site, so it was not accepted.")
			.contains("<a href=\"/ask\">Back to the page</a>");
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + "?")
			.header("Origin", "https://evil.example")
			.accept(MediaType.APPLICATION_JSON)
			.with(from(address))).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("This form was sent from another site, so it was not accepted. "
					+ "Please open the page on this site and send it from there.");
		assertThat(stored()).isEmpty();
	}

	@Test
	void aQuestionFromThisSitesOwnPageIsTaken() {
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + "?")
			.header("Sec-Fetch-Site", "same-origin")
			.with(from(address))).hasStatus(HttpStatus.SEE_OTHER);
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + "!")
			.header("Origin", "http://localhost")
			.with(from(address))).hasStatus(HttpStatus.SEE_OTHER);
		assertThat(stored()).hasSize(2);
	}

	@Test
	void anAddressSendingTooManyQuestionsIsAskedToWaitWithTheFormKeptAndTheReasonAboveIt() throws Exception {
		String busy = "198.51.100.7";
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.post().uri("/ask").param("question", mark + " " + i).with(from(busy)))
				.hasStatus(HttpStatus.SEE_OTHER);
		}

		assertThat(mvc.post()
			.uri("/ask")
			.param("question", mark + " six")
			.accept(MediaType.APPLICATION_JSON)
			.with(from(busy))).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "60")
			.bodyJson()
			.isStrictlyEqualTo(
					"{\"error\": \"You have sent many questions in a short time. Please try again in a minute.\"}");
		MvcTestResult result = mvc.post()
			.uri("/ask")
			.param("question", TYPED + mark)
			.param("email", "reader@example.com")
			.param("search", "seven")
			.param("from", "general")
			.with(from(busy))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "60");
		String page = page(result);
		assertThat(page).contains("<title>Error: Ask us · Mattermost FAQ</title>")
			.contains(
					"<p class=\"ask-error error\" id=\"ask-error\" role=\"alert\">You have sent many questions in a short "
							+ "time. Please try again in a minute.</p>")
			.doesNotContain("ask-field-error")
			.contains("<input type=\"hidden\" name=\"search\" value=\"seven\">")
			.contains("<input type=\"hidden\" name=\"from\" value=\"general\">");
		assertThat(questionText(page)).isEqualTo(TYPED_ESCAPED + mark);
		assertThat(field(page, "ask-question")).contains("aria-describedby=\"ask-error\"", "autofocus")
			.doesNotContain("aria-invalid");
		assertThat(field(page, "ask-email")).contains("value=\"reader@example.com\"").doesNotContain("aria-invalid");
		assertThat(stored()).hasSize(5);
	}

	@Test
	void theAskPageCanBeOpenedOnItsOwnWithTheSearchFilledIn() throws Exception {
		MvcTestResult result = mvc.get().uri("/ask?q=raspberry \"pi\"").exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("<title>Ask us · Mattermost FAQ</title>", "<h1 id=\"ask-title\">Ask us</h1>")
			.contains("<input type=\"hidden\" name=\"search\" value=\"raspberry &quot;pi&quot;\">")
			.contains("<p class=\"ask-error error\" id=\"ask-error\" role=\"alert\" hidden=\"hidden\"></p>")
			.doesNotContain("ask-field-error", "aria-invalid", "aria-describedby=\"ask-", "autofocus");
		assertThat(questionText(page(result))).as("the question box, not only the hidden field")
			.isEqualTo("raspberry &quot;pi&quot;");
	}

	@Test
	void theAskPageHasOneHeadingAndEscapesTheSearchInTheQuestionBox() throws Exception {
		String page = page(mvc.get().uri("/ask").param("q", TYPED).exchange());
		assertThat(questionText(page)).isEqualTo(TYPED_ESCAPED);
		assertThat(Pattern.compile("<h[1-6][ >]").matcher(page).results().count()).as("headings").isEqualTo(1);
		assertThat(page).doesNotContain("Didn’t find your answer? Ask us").contains("aria-labelledby=\"ask-title\"");
	}

	@Test
	void aSearchWithoutResultsPutsTheSearchInTheQuestionBox() throws Exception {
		assertThat(questionText(page(mvc.get().uri("/search?q=qwxzv").exchange()))).isEqualTo("qwxzv");
	}

}
