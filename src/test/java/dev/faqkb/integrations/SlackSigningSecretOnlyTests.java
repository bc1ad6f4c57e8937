package dev.faqkb.integrations;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A site set up for Slack alone: a signing secret and no token. */
@SpringBootTest(properties = { "faqkb.content-dir=content", "faqkb.content.watch=false",
		"faqkb.integrations.slash.signing-secrets=" + SlackSigningSecretOnlyTests.SECRET })
@AutoConfigureMockMvc
class SlackSigningSecretOnlyTests {

	static final String SECRET = "only-a-signing-secret";

	@Autowired
	MockMvcTester mvc;

	@Test
	void aSigningSecretAloneTurnsTheSlashCommandOnForSignedRequests() throws Exception {
		String body = SlackSignedCommandTests.slack("U-only", "largest deployment");
		String timestamp = String.valueOf(Instant.now().getEpochSecond());

		assertThat(mvc.post()
			.uri("/integrations/slash")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", SlackSignedCommandTests.signature(SECRET, timestamp, body))
			.content(body)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith(SlackSignedCommandTests.LARGEST);
	}

	@Test
	void anUnsignedRequestIs401SayingTheSignatureIsMissing() {
		SlackSignedCommandTests.refused(
				mvc.post()
					.uri("/integrations/slash")
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content(SlashCommandTests.mattermost("some-token", "u-unsigned", "largest deployment"))
					.exchange(),
				"This request has no Slack signature (X-Slack-Request-Timestamp, X-Slack-Signature), and faqkb takes no tokens.");
	}

}
