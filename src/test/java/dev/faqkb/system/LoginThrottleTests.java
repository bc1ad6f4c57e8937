package dev.faqkb.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The backoff schedule of failed admin logins, on a clock the test moves. */
class LoginThrottleTests {

	private final AtomicLong clock = new AtomicLong(-5_000_000_000L); // System.nanoTime
																		// may be negative

	private final LoginThrottle throttle = new LoginThrottle(clock::get);

	@Test
	void fourFailuresCostNothingTheFifthMakesTheClientWaitOneSecond() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("192.0.2.1");
			assertThat(throttle.waitFor("192.0.2.1")).isZero();
		}
		throttle.failed("192.0.2.1");
		assertThat(throttle.waitFor("192.0.2.1")).isEqualTo(Duration.ofSeconds(1));

		advance(Duration.ofMillis(400));
		assertThat(throttle.waitFor("192.0.2.1")).isEqualTo(Duration.ofMillis(600));
		advance(Duration.ofMillis(600));
		assertThat(throttle.waitFor("192.0.2.1")).isZero();
	}

	@Test
	void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("192.0.2.1");
		}
		long[] expectedSeconds = { 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900 };
		for (long seconds : expectedSeconds) {
			advance(throttle.waitFor("192.0.2.1"));
			throttle.failed("192.0.2.1");
			assertThat(throttle.waitFor("192.0.2.1")).isEqualTo(Duration.ofSeconds(seconds));
		}
	}

	@Test
	void aSuccessfulLoginStartsTheCountAgain() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("192.0.2.1");
		}
		throttle.succeeded("192.0.2.1");
		throttle.failed("192.0.2.1");
		assertThat(throttle.waitFor("192.0.2.1")).isZero();
	}

	@Test
	void anotherClientIsNotHeldBack() {
		for (int i = 0; i < 7; i++) {
			throttle.failed("192.0.2.1");
		}
		assertThat(throttle.waitFor("192.0.2.1")).isPositive();
		assertThat(throttle.waitFor("198.51.100.7")).isZero();
	}

	@Test
	void aClientIdleForAnHourIsForgotten() {
		for (int i = 0; i < 6; i++) {
			throttle.failed("192.0.2.1");
		}
		advance(Duration.ofMinutes(61));
		throttle.forgetIdle();
		throttle.failed("192.0.2.1");
		assertThat(throttle.waitFor("192.0.2.1")).as("first failure of a fresh count").isZero();
	}

	private void advance(Duration by) {
		clock.addAndGet(by.toNanos());
	}

}
