package dev.faqkb.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

@FaqkbWebTest(properties = "faqkb.feedback.rate-limit=3")
class FeedbackRateLimitTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Votes votes;

	@Autowired
	SetClock clock;

	/**
	 * The time votes are taken at, set by a test; the rate limit itself runs on the JVM's
	 * monotonic time.
	 */
	static final class SetClock extends Clock {

		private volatile Instant now = Instant.now();

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		SetClock clock() {
			return new SetClock();
		}

	}

	@Test
	void aClientOverTheRateLimitGets429AndItsVoteIsNotStored() {
		for (int i = 0; i < 3; i++) {
			assertThat(mvc.post().uri("/faq/help/export/feedback").param("helpful", "yes").exchange()).hasStatusOk();
		}

		assertThat(mvc.post()
			.uri("/faq/help/export/feedback")
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

	@Test
	void aClientOverTheRateLimitJustBeforeMidnightIsStillRefusedJustAfter() {
		RequestPostProcessor oneClient = request -> {
			request.setRemoteAddr("198.51.100.7");
			return request;
		};
		clock.set(Instant.parse("2026-03-14T23:59:50Z"));
		for (int i = 0; i < 3; i++) {
			assertThat(mvc.post().uri("/faq/help/delete-account/feedback").param("helpful", "no").with(oneClient))
				.hasStatusOk();
		}
		assertThat(mvc.post().uri("/faq/help/delete-account/feedback").param("helpful", "no").with(oneClient))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS);

		clock.set(Instant.parse("2026-03-15T00:00:05Z"));

		assertThat(mvc.post().uri("/faq/help/delete-account/feedback").param("helpful", "no").with(oneClient))
			.as("a new day (and its new salt for reader hashes) is no new allowance")
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "60");
		assertThat(votes.tally("help", "delete-account").no()).isEqualTo(3);
	}

}
