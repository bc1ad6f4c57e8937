package dev.faqkb.integrations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * What is there when an integration is not configured, or turned off, and the MCP
 * server's rate limit.
 */
class IntegrationsOffTests {

	/**
	 * No slash token or signing secret, no admin password, and an MCP server that takes 3
	 * requests a minute per address.
	 */
	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "faqkb.content-dir=content", "faqkb.content.watch=false",
					"faqkb.integrations.mcp.rate-limit=3" })
	@AutoConfigureMockMvc
	class Unconfigured {

		@Autowired
		MockMvcTester mvc;

		@LocalServerPort
		int port;

		@Test
		void withoutATokenOrSigningSecretTheSlashCommandIsNotThere() throws Exception {
			assertThat(mvc.post()
				.uri("/integrations/slash")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content(SlashCommandTests.mattermost("", "u1", "How do I deploy Team Edition?")))
				.hasStatus(HttpStatus.NOT_FOUND);
			String body = SlackSignedCommandTests.slack("U1", "How do I deploy Team Edition?");
			String timestamp = SlackSignedCommandTests.now();
			assertThat(mvc.post()
				.uri("/integrations/slash")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("X-Slack-Request-Timestamp", timestamp)
				.header("X-Slack-Signature", SlackSignedCommandTests.signature("any-secret", timestamp, body))
				.content(body)).hasStatus(HttpStatus.NOT_FOUND);
		}

		@Test
		void withoutAnAdminPasswordTheOwnersActionsAreNotThere() {
			assertThat(mvc.post().uri("/admin/open-questions/1/dismissed").with(csrf()))
				.hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.get().uri("/admin/open-questions.csv")).hasStatus(HttpStatus.NOT_FOUND);
		}

		@Test
		void anAddressSendingTooManyMcpRequestsGets429() throws Exception {
			for (int i = 0; i < 3; i++) {
				assertThat(ping().statusCode()).isEqualTo(200);
			}

			HttpResponse<String> refused = ping();
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
			assertThat(JsonMapper.shared().readValue(refused.body(), Map.class))
				.isEqualTo(Map.of("error", "Too many requests from your address. Please try again in a minute."));
			assertThatThrownBy(McpServerTests.client(port)::initialize).hasStackTraceContaining("429");
		}

		private HttpResponse<String> ping() throws Exception {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json, text/event-stream")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	@Nested
	@SpringBootTest(properties = { "faqkb.content-dir=content", "faqkb.content.watch=false",
			"faqkb.integrations.mcp.enabled=false" })
	@AutoConfigureMockMvc
	class McpTurnedOff {

		@Autowired
		MockMvcTester mvc;

		@Test
		void theMcpAddressIsAPlain404() {
			assertThat(mvc.post().uri("/mcp").contentType(MediaType.APPLICATION_JSON).content("{}"))
				.hasStatus(HttpStatus.NOT_FOUND);
		}

	}

}
