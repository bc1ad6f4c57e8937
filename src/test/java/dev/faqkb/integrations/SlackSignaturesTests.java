package dev.faqkb.integrations;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature check on Slack's own worked example, and where its five minutes end. */
class SlackSignaturesTests {

	// From api.slack.com/authentication/verifying-requests-from-slack.
	static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	static final String TIMESTAMP = "1531420618";

	static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
			+ "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
			+ "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
			+ "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
		.getBytes(StandardCharsets.UTF_8);

	static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

	static SlackSignatures at(long epochSecond, String... secrets) {
		return new SlackSignatures(List.of(secrets), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
	}

	@Test
	void slacksExampleVerifiesWithItsSecretAmongOthers() {
		assertThat(at(1531420618, "another-secret", " " + SECRET + " ").problem(TIMESTAMP, SIGNATURE, BODY)).isEmpty();
	}

	@Test
	void slacksExampleFailsWithAnotherSecretOrAnUppercaseSignature() {
		assertThat(at(1531420618, "another-secret").problem(TIMESTAMP, SIGNATURE, BODY))
			.hasValue(SlackSignatures.MISMATCH);
		assertThat(at(1531420618, SECRET).problem(TIMESTAMP, SIGNATURE.replace("v0=", "V0="), BODY))
			.hasValue(SlackSignatures.MISMATCH);
		assertThat(at(1531420618, SECRET).problem(TIMESTAMP, "", BODY)).hasValue(SlackSignatures.MISMATCH);
	}

	@Test
	void aTimestampUpToFiveMinutesFromNowEitherWayIsInTime() {
		long sent = 1531420618;
		assertThat(at(sent + 300, SECRET).problem(TIMESTAMP, SIGNATURE, BODY)).isEmpty();
		assertThat(at(sent - 300, SECRET).problem(TIMESTAMP, SIGNATURE, BODY)).isEmpty();
		assertThat(at(sent + 301, SECRET).problem(TIMESTAMP, SIGNATURE, BODY)).hasValue(SlackSignatures.STALE);
		assertThat(at(sent - 301, SECRET).problem(TIMESTAMP, SIGNATURE, BODY)).hasValue(SlackSignatures.STALE);
	}

}
