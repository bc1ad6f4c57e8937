package dev.faqkb.system;

import java.time.Duration;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** HTTP Basic on the admin pages backs off a client that keeps guessing the password. */
@FaqkbWebTest(properties = { "faqkb.admin.username=owner", "faqkb.admin.password=s3cret-pass" })
@ExtendWith(OutputCaptureExtension.class)
class AdminLoginThrottleTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoSpyBean
	PasswordEncoder passwords;

	@BeforeEach
	void countFromHere() {
		clearInvocations(passwords);
	}

	@Test
	void afterFiveWrongPasswordsTheNextAttemptsGet429WithRetryAfterAndNoPasswordCheck(CapturedOutput output) {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			assertThat(login("192.0.2.10", "guess-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		verify(passwords, times(5)).matches(any(), any());

		for (String password : new String[] { "guess-6", "s3cret-pass" }) {
			MvcTestResult refused = login("192.0.2.10", password);
			assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "1");
			assertThat(refused).bodyText().contains("Too many failed logins from your address");
		}
		verify(passwords, times(5)).matches(any(), any());
		assertThat(output).contains("Admin login failed 5 times in a row from 192.0.2.10");
	}

	@Test
	void theRightPasswordAfterTheWaitLogsInAndStartsTheCountAgain() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			login("192.0.2.20", "guess-" + i);
		}
		assertThat(login("192.0.2.20", "s3cret-pass")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> login("192.0.2.20", "s3cret-pass").getResponse().getStatus() == 200);
		assertThat(login("192.0.2.20", "one-typo")).as("the count starts again after a login")
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void otherAddressesLogInWhileOneIsHeldBack() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
			login("192.0.2.30", "guess-" + i);
		}
		assertThat(login("192.0.2.30", "s3cret-pass")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(login("198.51.100.30", "s3cret-pass")).hasStatusOk();
	}

	@Test
	void readersWithoutCredentialsAreNeverThrottled() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			login("192.0.2.40", "guess-" + i);
		}
		assertThat(mvc.get().uri("/faq/help").with(request -> {
			request.setRemoteAddr("192.0.2.40");
			return request;
		}).exchange()).hasStatusOk();
	}

	private MvcTestResult login(String address, String password) {
		return mvc.get().uri("/api/admin/insights").with(httpBasic("owner", password)).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).exchange();
	}

}
