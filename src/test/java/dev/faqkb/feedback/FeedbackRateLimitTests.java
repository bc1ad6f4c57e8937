package dev.faqkb.feedback;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@FaqkbWebTest(properties = "faqkb.feedback.rate-limit=3")
class FeedbackRateLimitTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Votes votes;

	@Test
	void aClientOverTheRateLimitGets429AndItsVoteIsNotStored() {
		for (int i = 0; i < 3; i++) {
			assertThat(mvc.post().uri("/faq/help/export/feedback").param("helpful", "yes").exchange())
				.hasStatusOk();
		}

		assertThat(mvc.post().uri("/faq/help/export/feedback")
			.param("helpful", "yes")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "60")
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("Too many votes");
		assertThat(mvc.post().uri("/faq/help/export/feedback").param("helpful", "yes").exchange())
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.bodyText()
			.contains("Please try again in a minute.");
		assertThat(votes.tally("help", "export").yes()).isEqualTo(3);
	}

}
