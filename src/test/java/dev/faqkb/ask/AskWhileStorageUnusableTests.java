package dev.faqkb.ask;

import java.time.Duration;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.system.Storage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.faqkb.ask.AskFormTests.TYPED;
import static dev.faqkb.ask.AskFormTests.TYPED_ESCAPED;
import static dev.faqkb.ask.AskFormTests.field;
import static dev.faqkb.ask.AskFormTests.page;
import static dev.faqkb.ask.AskFormTests.questionText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Once the site knows the database cannot be used ({@link Storage}), a question is
 * refused at once, as a vote is: the database is not tried, so the reader does not wait
 * for a connection timeout. Here the database is in fact up, so a question that tried it
 * would be stored. The database really failing is {@link AskWhileDatabaseDownTests}.
 */
@FaqkbWebTest
@TestContent.OwnContext // takes the storage away, which every class sharing a context
						// would notice
class AskWhileStorageUnusableTests {

	static final String DATABASE_UNAVAILABLE = "This cannot be done right now: our database is unavailable. "
			+ "Answers and search still work; please try again in a few minutes.";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Storage storage;

	@Test
	void aQuestionIsRefusedAtOnceWithTheFormKeptUntilTheDatabaseIsUsableAgain() throws Exception {
		storage.failed(new DataAccessResourceFailureException("Connection refused (as the test says)"));

		MvcTestResult refused = mvc.post()
			.uri("/ask")
			.param("question", TYPED + " unusable?")
			.param("email", "reader@example.com")
			.param("search", "backup")
			.param("from", "help")
			.exchange();

		assertThat(refused).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader("Retry-After", "60");
		String page = page(refused);
		assertThat(page).contains("<title>Error: Ask us · ")
			.contains("<p class=\"ask-error error\" id=\"ask-error\" role=\"alert\">" + DATABASE_UNAVAILABLE + "</p>")
			.contains("<input type=\"hidden\" name=\"search\" value=\"backup\">")
			.contains("<input type=\"hidden\" name=\"from\" value=\"help\">")
			.doesNotContain("ask-field-error", "<script>alert(");
		assertThat(questionText(page)).isEqualTo(TYPED_ESCAPED + " unusable?");
		assertThat(field(page, "ask-question")).contains("aria-describedby=\"ask-error\"", "autofocus")
			.doesNotContain("aria-invalid");
		assertThat(field(page, "ask-email")).contains("value=\"reader@example.com\"");
		assertThat(mvc.post().uri("/ask").param("question", "JSON unusable?").accept(MediaType.APPLICATION_JSON))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "60")
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"" + DATABASE_UNAVAILABLE + "\"}");
		assertThat(questionsLike("%unusable?")).as("the database was not tried").isZero();

		// The recheck finds the database usable within seconds; then questions are taken
		// again.
		await().atMost(Duration.ofSeconds(30)).until(storage::usable);
		assertThat(mvc.post().uri("/ask").param("question", "Usable again?")).hasStatus(HttpStatus.SEE_OTHER);
		assertThat(questionsLike("Usable again?")).isOne();
	}

	private long questionsLike(String pattern) {
		return jdbc.sql("SELECT COUNT(*) FROM open_question WHERE question_text LIKE :pattern")
			.param("pattern", pattern)
			.query(Long.class)
			.single();
	}

}
