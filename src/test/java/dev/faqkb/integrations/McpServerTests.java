package dev.faqkb.integrations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The MCP server through the official SDK's client, over real HTTP, as an AI assistant would use it. */
@SeedSiteWithIntegrations
class McpServerTests {

	static final String TEAM_EDITION_ID = "how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license";

	@LocalServerPort
	int port;

	McpSyncClient client;

	@Autowired
	JdbcClient jdbc;

	static McpSyncClient client(int port) {
		return McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).endpoint("/mcp").build())
			.requestTimeout(Duration.ofSeconds(20))
			.build();
	}

	@BeforeEach
	void connect() {
		client = client(port);
	}

	@AfterEach
	void close() {
		client.closeGracefully();
	}

	@Test
	void initializeNamesTheServerAndOffersTools() {
		McpSchema.InitializeResult init = client.initialize();

		assertThat(init.serverInfo().name()).isEqualTo("faqkb");
		assertThat(init.capabilities().tools()).isNotNull();
		assertThat(init.instructions()).startsWith("Answers from Mattermost FAQ.");
	}

	@Test
	void listsTheThreeReadOnlyToolsWithTheirArguments() {
		client.initialize();

		List<McpSchema.Tool> tools = client.listTools().tools();

		assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("search_faq", "get_answer", "list_categories");
		assertThat(tools).allSatisfy(tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());
		assertThat(tools.get(0).inputSchema()).containsEntry("required", List.of("query"))
			.extractingByKey("properties")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("query", "category", "limit", "lang");
		assertThat(tools.get(1).inputSchema()).containsEntry("required", List.of("category", "id"));
	}

	@Test
	void searchFaqFindsTheSeedQuestionWithItsUrlAndAPlainTextSnippet() {
		client.initialize();

		CallToolResult result = client.callTool(new CallToolRequest("search_faq", Map.of("query", "How do I deploy Team Edition?", "limit", 2)));

		assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
		@SuppressWarnings("unchecked")
		Map<String, Object> search = (Map<String, Object>) result.structuredContent();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> results = (List<Map<String, Object>>) search.get("results");
		assertThat(results).hasSize(2);
		assertThat(results.get(0)).containsEntry("category", "general")
			.containsEntry("id", TEAM_EDITION_ID)
			.containsEntry("question", "How do I deploy the open source Mattermost Team Edition under an MIT license?")
			.containsEntry("url", "http://localhost:8080/faq/general/" + TEAM_EDITION_ID);
		assertThat((String) results.get(0).get("snippet")).contains("Team Edition").doesNotContain("<mark>", "&");
		assertThat(text(result)).startsWith("{\"query\":\"How do I deploy Team Edition?\"");
	}

	@Test
	void getAnswerGivesTheMarkdownWithItsUrl() {
		client.initialize();

		CallToolResult result = client.callTool(new CallToolRequest("get_answer", Map.of("category", "general", "id", TEAM_EDITION_ID)));

		assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
		assertThat(result.structuredContent()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("url", "http://localhost:8080/faq/general/" + TEAM_EDITION_ID)
			.containsEntry("categoryTitle", "General")
			.containsEntry("updated", null)
			.hasEntrySatisfying("markdown", markdown -> assertThat((String) markdown)
				.startsWith("The open source Mattermost Team Edition is functionally identical")
				.endsWith("download the [Mattermost Team Edition binary](https://docs.mattermost.com/product-overview/version-archive.html), "
						+ "and follow our standard install guides. The same applies to server upgrades."));
	}

	@Test
	void listCategoriesGivesEachWithItsQuestionCount() {
		client.initialize();

		CallToolResult result = client.callTool(new CallToolRequest("list_categories", Map.of()));

		assertThat(text(result)).isEqualTo("{\"categories\":[{\"id\":\"general\",\"title\":\"General\",\"description\":"
				+ "\"Why Mattermost exists, how it is licensed and deployed, and how to report misuse.\","
				+ "\"url\":\"http://localhost:8080/faq/general\",\"questions\":7}]}");
	}

	@Test
	void badArgumentsAreToolErrorsThatSayWhatToSendSoTheAssistantCanRetry() {
		client.initialize();

		assertThat(error(client.callTool(new CallToolRequest("get_answer", Map.of("category", "general", "id", "no-such-question")))))
			.isEqualTo("There is no question 'no-such-question' in category 'general'. Use search_faq to find questions and their ids.");
		assertThat(error(client.callTool(new CallToolRequest("search_faq", Map.of("query", "deploy", "category", "billing")))))
			.isEqualTo("There is no category 'billing'. Categories: general.");
		assertThat(error(client.callTool(new CallToolRequest("search_faq", Map.of("query", "deploy", "limit", 500)))))
			.endsWith("[/limit: must have a maximum value of 20]");
		assertThat(error(client.callTool(new CallToolRequest("search_faq", Map.of("category", "general")))))
			.endsWith("[: required property 'query' not found]");
		assertThat(error(client.callTool(new CallToolRequest("search_faq", Map.of("query", 42)))))
			.endsWith("[/query: integer found, string expected]");
	}

	@Test
	void anUnknownToolIsAnMcpErrorNotAServerError() {
		client.initialize();

		assertThatThrownBy(() -> client.callTool(new CallToolRequest("delete_faq", Map.of())))
			.isInstanceOfSatisfying(McpError.class, error -> {
				assertThat(error.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
				assertThat(error.getJsonRpcError().data()).hasToString("Tool not found: delete_faq");
			});
	}

	@Test
	void aRequestThatIsNotJsonRpcIsA400NotA500() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json, text/event-stream")
				.POST(HttpRequest.BodyPublishers.ofString("{not json"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Invalid message format");
	}

	private static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

	private static String error(CallToolResult result) {
		assertThat(result.isError()).isTrue();
		return text(result);
	}


	@Test
	void anAssistantsSearchIsInTheOwnersSearchLogWithItsResultCount() {
		client.initialize();

		client.callTool(new CallToolRequest("search_faq", Map.of("query", "Largest deployment, asked by an assistant")));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT result_count FROM search_log WHERE query_text = 'largest deployment, asked by an assistant'")
			.query(Long.class)
			.list()).singleElement().satisfies(count -> assertThat(count).isPositive()));
	}

}
