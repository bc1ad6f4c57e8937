package dev.faqkb.feedback;

import java.time.Duration;
import java.util.UUID;

import dev.faqkb.FaqkbWebTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Control characters that readers paste (NUL, escape sequences, bells) are dropped from
 * comments and logged searches before they are stored: PostgreSQL refuses NUL in text (a
 * 500 before), and nothing invisible reaches the insights or their CSV. Line breaks and
 * tabs in comments are kept. Run on H2 ({@link H2ControlCharactersTests}) and PostgreSQL
 * ({@link PostgresControlCharactersTests}).
 */
@FaqkbWebTest
abstract class ControlCharactersContract {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCommentWithNulAndEscapeCharactersIsStoredWithoutThemKeepingLineBreaksAndTabs() {
		String reader = UUID.randomUUID().toString();

		assertThat(mvc.post()
			.uri("/faq/help/export/feedback")
			.param("helpful", "no")
			.param("comment", "Export\u0000 fails\u001b[31m\u0007\r\nsee:\tthe log\u0085")
			.cookie(new Cookie(FeedbackController.READER_COOKIE, reader))
			.exchange()).hasStatusOk().bodyText().contains("Thank you, your comment has been sent.");

		// Other test classes with this content share the database: only this comment's
		// words are looked for.
		assertThat(jdbc
			.sql("SELECT comment_text FROM vote WHERE question_id = 'export' AND comment_text LIKE 'Export%fails%'")
			.query(String.class)
			.list()).containsExactly("Export fails[31m\nsee:\tthe log");
	}

	@Test
	void aCommentOfOnlyControlCharactersCountsAsNoComment() {
		assertThat(mvc.post()
			.uri("/faq/help/reset-password/feedback")
			.param("helpful", "yes")
			.param("comment", "\u0000\u0001 \u0000")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()).hasStatusOk().bodyJson().extractingPath("$.message").isEqualTo("Thank you for your feedback.");
	}

	@Test
	void aSearchWithNulIsAnsweredAndLoggedWithoutIt() {
		assertThat(mvc.get().uri("/search").param("q", "cards\u0000 accepted\u0001").exchange()).hasStatusOk();

		// Written a moment later, off the reader's request; only this search's words are
		// looked for (see above).
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					jdbc.sql("SELECT query_text FROM search_log WHERE query_text LIKE 'cards%accepted%'")
						.query(String.class)
						.list())
				.containsExactly("cards accepted"));
	}

}
