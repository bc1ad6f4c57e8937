package dev.faqkb.integrations;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slash command as Slack calls it, signed with the app's signing secret. The
 * signatures are made here, with javax.crypto, as Slack documents them, not with the code
 * under test.
 */
@SeedSiteWithIntegrations
class SlackSignedCommandTests {

	static final String LARGEST = "#### [What's the largest Mattermost deployment you have?](http://localhost:8080/faq/general/whats-the-largest-mattermost-deployment-you-have)";

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	/**
	 * The body Slack posts for {@code /faq <text>}, in Slack's own encoding: {@code %20}
	 * in {@code enterprise_name} where a form encoder would write {@code +}, so that a
	 * body encoded again would not match its signature. Its {@code token} is a legacy
	 * verification token faqkb does not take.
	 */
	static String slack(String userId, String text) {
		return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001"
				+ "&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id="
				+ userId + "&user_name=Steve&command=%2Ffaq&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
				+ "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678"
				+ "&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";
	}

	/**
	 * {@code X-Slack-Signature} for {@code body} sent at {@code timestamp}, signed with
	 * {@code secret}.
	 */
	static String signature(String secret, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		StringBuilder signature = new StringBuilder("v0=");
		for (byte b : mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8))) {
			signature.append(String.format("%02x", b));
		}
		return signature.toString();
	}

	/** {@code body} with a token faqkb takes instead of Slack's legacy one. */
	static String withValidToken(String body) {
		return body.replace("token=gIkuvaNzQIHg97ATvDxqgjtO", "token=" + SeedSiteWithIntegrations.TOKEN);
	}

	static String now() {
		return String.valueOf(Instant.now().getEpochSecond());
	}

	MvcTestResult post(String body, String timestamp, String signature) {
		return mvc.post()
			.uri("/integrations/slash")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.header("X-Slack-Request-Timestamp", timestamp)
			.header("X-Slack-Signature", signature)
			.content(body)
			.exchange();
	}

	MvcTestResult signed(String secret, String body) throws Exception {
		String timestamp = now();
		return post(body, timestamp, signature(secret, timestamp, body));
	}

	static void refused(MvcTestResult result, String message) {
		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"" + message + "\"}");
	}

	@Test
	void aRequestSignedWithTheSigningSecretIsAnsweredWithoutAToken() throws Exception {
		MvcTestResult result = signed(SeedSiteWithIntegrations.SIGNING_SECRET, slack("U-signed", "largest deployment"));

		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.response_type").isEqualTo("ephemeral");
		assertThat(result).bodyJson().extractingPath("$.text").asString().startsWith(LARGEST);
	}

	@Test
	void anyConfiguredSigningSecretIsAccepted() throws Exception {
		assertThat(signed("second-secret", slack("U-second", "largest deployment"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith(LARGEST);
	}

	@Test
	void aSignatureMadeWithAnotherSecretIs401EvenWithAValidToken() throws Exception {
		String body = withValidToken(slack("U-wrong", "largest deployment"));

		refused(signed("not-the-signing-secret", body), SlackSignatures.MISMATCH);
	}

	@Test
	void aBodyChangedAfterSigningIs401() throws Exception {
		String timestamp = now();
		String signature = signature(SeedSiteWithIntegrations.SIGNING_SECRET, timestamp,
				slack("U-tampered", "largest deployment"));

		refused(post(slack("U-tampered", "How do I deploy Team Edition?"), timestamp, signature),
				SlackSignatures.MISMATCH);
	}

	@Test
	void aRequestSignedMoreThanFiveMinutesAgoOrAheadIs401AsAPossibleReplay() throws Exception {
		String body = slack("U-replay", "largest deployment");
		for (long offset : new long[] { -6 * 60, 6 * 60 }) {
			String timestamp = String.valueOf(Instant.now().getEpochSecond() + offset);

			refused(post(body, timestamp, signature(SeedSiteWithIntegrations.SIGNING_SECRET, timestamp, body)),
					SlackSignatures.STALE);
		}
	}

	@Test
	void aTimestampThatIsNotWholeSecondsIs401Not500() throws Exception {
		String body = slack("U-timestamp", "largest deployment");
		for (String timestamp : new String[] { "yesterday", "1.7e9", "-1", " " + now(), "99999999999999999999999" }) {

			refused(post(body, timestamp, signature(SeedSiteWithIntegrations.SIGNING_SECRET, timestamp, body)),
					SlackSignatures.NOT_SECONDS);
		}
	}

	@Test
	void aSignatureWithoutItsTimestampOrATimestampWithoutASignatureIs401() throws Exception {
		String body = slack("U-half", "largest deployment");
		String timestamp = now();
		String signature = signature(SeedSiteWithIntegrations.SIGNING_SECRET, timestamp, body);

		refused(mvc.post()
			.uri("/integrations/slash")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Slack-Signature", signature)
			.content(body)
			.exchange(), SlackSignatures.INCOMPLETE);
		refused(mvc.post()
			.uri("/integrations/slash")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Slack-Request-Timestamp", timestamp)
			.content(body)
			.exchange(), SlackSignatures.INCOMPLETE);
	}

	@Test
	void withoutSignatureHeadersAValidTokenIsStillAnsweredAndAnInvalidOneRefused() {
		assertThat(mvc.post()
			.uri("/integrations/slash")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(withValidToken(slack("U-token", "largest deployment")))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith(LARGEST);
		refused(mvc.post()
			.uri("/integrations/slash")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(slack("U-token", "largest deployment"))
			.exchange(), SlashCommandController.BAD_TOKEN);
	}

	@Test
	void aSignedUserSendingTooManyCommandsIsAskedToWait() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(signed(SeedSiteWithIntegrations.SIGNING_SECRET, slack("U-busy", "largest deployment")))
				.bodyJson()
				.extractingPath("$.text")
				.asString()
				.startsWith(LARGEST);
		}

		assertThat(signed(SeedSiteWithIntegrations.SIGNING_SECRET, slack("U-busy", "largest deployment"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.isEqualTo(SlashReply.TOO_MANY);
	}

	/**
	 * Through the real server, whose own form parsing would read the body before the
	 * signature is checked.
	 */
	@Test
	void aSignedRequestOverHttpIsCheckedOnItsBytesAndAnsweredFromItsFields() throws Exception {
		String body = slack("U-http", "x").replace("text=x", "text=How%20do%20I%20deploy+Team%20Edition%3f");
		String timestamp = now();

		HttpResponse<String> response = http(HttpRequest.BodyPublishers.ofString(body), timestamp,
				signature(SeedSiteWithIntegrations.SIGNING_SECRET, timestamp, body));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.contains("\"text\":\"#### [How do I deploy the open source Mattermost Team Edition");
	}

	@Test
	void aBodyOver64KbIs413WithAMessageWithOrWithoutAContentLength() throws Exception {
		String body = slack("U-large", "x".repeat(64 * 1024));
		String timestamp = now();
		String signature = signature(SeedSiteWithIntegrations.SIGNING_SECRET, timestamp, body);
		String message = "What was sent is too large: this address takes at most 64 KB, so none of it was read. "
				+ "Please send less.";

		assertThat(post(body, timestamp, signature)).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"" + message + "\"}");
		// Sent in chunks, without a length: known to be too large only once read.
		HttpResponse<String> chunked = http(HttpRequest.BodyPublishers.ofInputStream(
				() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), timestamp, signature);
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(JsonMapper.shared().readValue(chunked.body(), Map.class)).isEqualTo(Map.of("error", message));
	}

	@Test
	void aFormWithABrokenPercentEscapeIs400WithAMessage() throws Exception {
		String body = slack("U-percent", "x").replace("text=x", "text=100%");

		assertThat(signed(SeedSiteWithIntegrations.SIGNING_SECRET, body)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"" + SlashRequestBody.MALFORMED + "\"}");
	}

	private HttpResponse<String> http(HttpRequest.BodyPublisher body, String timestamp, String signature)
			throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/integrations/slash"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Slack-Request-Timestamp", timestamp)
				.header("X-Slack-Signature", signature)
				.POST(body)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
