package dev.faqkb.integrations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The slash command as Mattermost calls it: a form post with every field Mattermost
 * sends, no CSRF token.
 */
@SeedSiteWithIntegrations
class SlashCommandTests {

	static final String TEAM_EDITION = "http://localhost:8080/faq/general/how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The body Mattermost posts for {@code /faq <text>}
	 * (application/x-www-form-urlencoded).
	 */
	static String mattermost(String token, String userId, String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("channel_id", "fukhn7m9ytnxtfdxr6kugxzbsa");
		form.put("channel_name", "town-square");
		form.put("command", "/faq");
		form.put("response_url", "https://chat.example.com/hooks/commands/6d1bru1h7jdc5qhqw1t4cudnwe");
		form.put("team_domain", "engineering");
		form.put("team_id", "eyxjmhw7kbg6urzmdgymr8m5ur");
		form.put("text", text);
		if (token != null) {
			form.put("token", token);
		}
		form.put("trigger_id", "ZmNhNmRxbWM5N2Y4ZmpvMXpzZjZ3ZjNyZmU6cWo4OXdkNnJ1dA==");
		form.put("user_id", userId);
		form.put("user_name", "anna");
		return form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	MvcTestResult post(String body) {
		return mvc.post()
			.uri("/integrations/slash")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void theSeedQuestionGetsItsAnswerAsMarkdownWithAbsoluteLinksAndTheNextRelevantMatches() throws Exception {
		MvcTestResult result = post(
				mattermost(SeedSiteWithIntegrations.TOKEN, "user-deploy", "How do I deploy Team Edition?"));

		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.response_type").isEqualTo("ephemeral");
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		System.out.println("Slash command reply for 'How do I deploy Team Edition?':\n" + text);
		assertThat(result).bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith("#### [How do I deploy the open source Mattermost Team Edition under an MIT license?]("
					+ TEAM_EDITION + ")\n\nThe open source Mattermost Team Edition is functionally identical")
			.contains(
					"download the [Mattermost Team Edition binary](https://docs.mattermost.com/product-overview/version-archive.html)")
			.contains("The same applies to server upgrades.\n\nMore answers: [")
			.containsPattern(
					"More answers: \\[[^\\]]+\\]\\(http://localhost:8080/faq/general/[a-z0-9-]+\\)( · \\[[^\\]]+\\]\\(http://localhost:8080/faq/general/[a-z0-9-]+\\))?$")
			.doesNotContain("Read more");
	}

	@Test
	void anyConfiguredTokenIsAccepted() {
		assertThat(post(mattermost("second-token", "user-second", "largest deployment"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith(
					"#### [What's the largest Mattermost deployment you have?](http://localhost:8080/faq/general/whats-the-largest-mattermost-deployment-you-have)");
	}

	@Test
	void emptyTextGetsAShortHelpWithTheCommandAsTyped() {
		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-help", ""))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.isEqualTo("Ask the Mattermost FAQ a question: `/faq Why was Mattermost created?`\n"
					+ "Only you see the answer. [Browse all answers](http://localhost:8080/)");
	}

	@Test
	void noMatchGetsAFriendlyLineWithLinksToSearchAndToAskUs() {
		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-none", "qwxzv"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.isEqualTo("The Mattermost FAQ has no answer for \u201cqwxzv\u201d yet. "
					+ "[Search with other words](http://localhost:8080/search?q=qwxzv) or [ask us](http://localhost:8080/ask?q=qwxzv).");
	}

	@Test
	void whatTheUserTypedIsShownBackAsTextNotAsMarkdown() {
		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-markup", "**qwxzv** [vbnm](zxqv) <b>")))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith(
					"The Mattermost FAQ has no answer for \u201c\\*\\*qwxzv\\*\\* \\[vbnm\\](zxqv) \\<b\\>\u201d yet.")
			.contains("(http://localhost:8080/search?q=**qwxzv**+%5Bvbnm%5D%28zxqv%29+%3Cb%3E)");
	}

	@Test
	void aWrongOrMissingTokenIs401AndAnswersNothing() {
		for (String token : new String[] { "wrong-token", "", null }) {
			MvcTestResult result = post(mattermost(token, "user-token", "How do I deploy Team Edition?"));
			assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
				.bodyJson()
				.isStrictlyEqualTo(
						"{\"error\": \"The token of this slash command is missing or not one faqkb accepts.\"}");
		}
	}

	@Test
	void aUserSendingTooManyCommandsIsAskedToWaitWhileOthersAreStillAnswered() {
		for (int i = 0; i < 3; i++) {
			assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-busy", "largest deployment"))).bodyJson()
				.extractingPath("$.text")
				.asString()
				.startsWith("#### [What's the largest");
		}

		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-busy", "largest deployment"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.isEqualTo("You have asked many questions in a short time. Please try again in a minute.");
		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-calm", "largest deployment"))).bodyJson()
			.extractingPath("$.text")
			.asString()
			.startsWith("#### [What's the largest");
	}

	@Test
	void aQuestionLongerThan256CharactersIsRefusedWithTheLimit() {
		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-long", "deploy ".repeat(40)))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.text")
			.isEqualTo("Your question is too long: at most 256 characters. Try its main words.");
	}

	@Test
	void aSlashCommandSearchIsInTheOwnersSearchLogWithItsResultCount() {
		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-logged", "Largest   Deployment of slash")))
			.hasStatusOk();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					jdbc.sql("SELECT result_count FROM search_log WHERE query_text = 'largest deployment of slash'")
						.query(Long.class)
						.list())
				.singleElement()
				.satisfies(count -> assertThat(count).isPositive()));
	}

	@Test
	void anEmptyOrRefusedCommandIsNotASearch() {
		assertThat(post(mattermost("wrong-token", "user-refused", "refused words in the log")))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(post(mattermost(SeedSiteWithIntegrations.TOKEN, "user-empty", ""))).hasStatusOk();

		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM search_log WHERE query_text = 'refused words in the log' OR query_text = ''")
			.query(Long.class)
			.single()).isZero();
	}

}
