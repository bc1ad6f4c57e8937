package dev.faqkb.integrations;

import java.util.Map;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP tools in each language of a translated FAQ, as an AI assistant asks for them.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TranslatedIntegrationsTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.site("title: Help\nbaseUrl: https://help.example.com\n")
			.category("general", "General",
					"## What is it? {#what-is-it}\n\nA tool for teams.\n\n## How do I install it? {#install}\n\nRun the installer.\n")
			.translation("fr", "general", "Général",
					"## Qu'est-ce que c'est ? {#what-is-it}\n\nUn outil pour les équipes.\n");
	}

	@LocalServerPort
	int port;

	McpSyncClient client;

	@BeforeEach
	void connect() {
		client = McpServerTests.client(port);
		client.initialize();
	}

	@AfterEach
	void close() {
		client.closeGracefully();
	}

	private static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

	@Test
	void toolsAnswerInTheLanguageTheyAreGiven() {
		CallToolResult search = client
			.callTool(new CallToolRequest("search_faq", Map.of("query", "outil", "lang", "fr")));
		assertThat(text(search)).contains("\"question\":\"Qu'est-ce que c'est ?\"")
			.contains("\"url\":\"https://help.example.com/fr/faq/general/what-is-it\"");
		CallToolResult answer = client.callTool(
				new CallToolRequest("get_answer", Map.of("category", "general", "id", "what-is-it", "lang", "fr")));
		assertThat(text(answer)).contains("\"categoryTitle\":\"Général\"")
			.contains("\"markdown\":\"Un outil pour les équipes.\"");
		CallToolResult categories = client.callTool(new CallToolRequest("list_categories", Map.of("lang", "fr")));
		assertThat(text(categories))
			.startsWith("{\"languages\":[\"en\",\"fr\"],\"categories\":[{\"id\":\"general\",\"title\":\"Général\"");
		CallToolResult english = client.callTool(new CallToolRequest("search_faq", Map.of("query", "tool")));
		assertThat(text(english)).contains("\"url\":\"https://help.example.com/faq/general/what-is-it\"");
	}

	@Test
	void aLanguageTheFaqDoesNotHaveIsAClearError() {
		CallToolResult result = client
			.callTool(new CallToolRequest("search_faq", Map.of("query", "tool", "lang", "de")));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).isEqualTo("There is no language 'de'. Languages: en, fr.");
	}

}
