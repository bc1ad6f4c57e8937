package dev.faqkb.ask;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	/** Each test posts from an address of its own, so the rate limit of one never meets another. */
	final String address = "192.0.2." + (1 + (int) (Math.random() * 250));

	final String mark = "m" + UUID.randomUUID().toString().substring(0, 8);

	RequestPostProcessor from(String remoteAddress) {
		return request -> {
			request.setRemoteAddr(remoteAddress);
			return request;
		};
	}

	List<Map<String, Object>> stored() {
		return jdbc.sql("SELECT question_text, email, search_query, asked_from, status FROM open_question WHERE question_text LIKE :mark")
			.param("mark", "%" + mark + "%")
			.query()
			.listOfRows();
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
		assertThat(stored()).singleElement().satisfies(row -> assertThat(row)
			.containsEntry("QUESTION_TEXT", "Can I run " + mark + " on a Raspberry Pi?")
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
			.isStrictlyEqualTo("{\"message\": \"Thank you, we have your question. Once the FAQ answers it, you will find it here.\"}");
		assertThat(stored()).singleElement().satisfies(row -> {
			assertThat(row.get("ASKED_FROM")).isEqualTo("general");
			assertThat(row.get("EMAIL")).isNull();
			assertThat(row.get("SEARCH_QUERY")).isNull();
		});
	}

	@Test
	void anEmptyQuestionIsA400ThatSaysSoAndStoresNothing() {
		assertThat(mvc.post().uri("/ask").param("question", "  \n ").param("email", mark + "@example.com").with(from(address)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("<p class=\"ask-error error\" id=\"ask-error\" role=\"alert\">Please write your question.</p>")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"" + mark + "@example.com\"");
		assertThat(mvc.post().uri("/ask").param("question", "").accept(MediaType.APPLICATION_JSON).with(from(address)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"Please write your question.\"}");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM open_question WHERE email = :email").param("email", mark + "@example.com")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aTooLongQuestionIsShownAgainEscapedWithTheLimit() throws Exception {
		String question = "<script>alert('" + mark + "')</script>" + "x".repeat(500);

		MvcTestResult result = mvc.post().uri("/ask").param("question", question).with(from(address)).exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Your question is too long: at most 500 characters, it has " + String.format("%,d", question.length()) + ".")
			.contains("&lt;script&gt;alert(&#39;" + mark + "&#39;)&lt;/script&gt;xxx")
			.doesNotContain("<script>alert(");
		assertThat(stored()).isEmpty();
	}

	@Test
	void fiveHundredCharactersIsStillAQuestion() {
		String question = mark + "é".repeat(500 - mark.length());

		assertThat(mvc.post().uri("/ask").param("question", question).with(from(address)))
			.hasStatus(HttpStatus.SEE_OTHER);
		assertThat(stored()).hasSize(1);
	}

	@Test
	void aWrongEMailIsA400ThatKeepsTheQuestion() {
		assertThat(mvc.post().uri("/ask").param("question", mark + "?").param("email", "not an address").with(from(address)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("“not an address” does not look like an e-mail address. Leave it empty if you need no reply.")
			.contains(">" + mark + "?</textarea>");
		assertThat(stored()).isEmpty();
	}

	@Test
	void aQuestionPostedFromAnotherSiteIsForbiddenWithAWayBackAndStoresNothing() {
		assertThat(mvc.post().uri("/ask").param("question", mark + "?").header("Sec-Fetch-Site", "cross-site").with(from(address)))
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("This form was sent from another site, so it was not accepted.")
			.contains("<a href=\"/ask\">Back to the page</a>");
		assertThat(mvc.post().uri("/ask").param("question", mark + "?").header("Origin", "https://evil.example")
			.accept(MediaType.APPLICATION_JSON).with(from(address)))
			.hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("This form was sent from another site, so it was not accepted. "
					+ "Please open the page on this site and send it from there.");
		assertThat(stored()).isEmpty();
	}

	@Test
	void aQuestionFromThisSitesOwnPageIsTaken() {
		assertThat(mvc.post().uri("/ask").param("question", mark + "?").header("Sec-Fetch-Site", "same-origin").with(from(address)))
			.hasStatus(HttpStatus.SEE_OTHER);
		assertThat(mvc.post().uri("/ask").param("question", mark + "!").header("Origin", "http://localhost").with(from(address)))
			.hasStatus(HttpStatus.SEE_OTHER);
		assertThat(stored()).hasSize(2);
	}

	@Test
	void anAddressSendingTooManyQuestionsIsAskedToWait() {
		String busy = "198.51.100.7";
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.post().uri("/ask").param("question", mark + " " + i).with(from(busy)))
				.hasStatus(HttpStatus.SEE_OTHER);
		}

		assertThat(mvc.post().uri("/ask").param("question", mark + " six").accept(MediaType.APPLICATION_JSON).with(from(busy)))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "60")
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("You have sent many questions in a short time. Please try again in a minute.");
		assertThat(mvc.post().uri("/ask").param("question", mark + " seven").with(from(busy)))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "60")
			.bodyText()
			.contains("You have sent many questions in a short time. Please try again in a minute.")
			.contains(">" + mark + " seven</textarea>");
		assertThat(stored()).hasSize(5);
	}

	@Test
	void theAskPageCanBeOpenedOnItsOwnWithTheSearchFilledIn() {
		assertThat(mvc.get().uri("/ask?q=raspberry \"pi\"")).hasStatusOk()
			.bodyText()
			.contains("<h1>Ask us</h1>")
			.contains("<input type=\"hidden\" name=\"search\" value=\"raspberry &quot;pi&quot;\">");
	}

}
