package dev.faqkb.integrations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.faqkb.search.QueryBudget;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The MCP server through the official SDK's client, over real HTTP, as an AI assistant
 * would use it.
 */
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

		assertThat(tools).extracting(McpSchema.Tool::name)
			.containsExactly("search_faq", "get_answer", "list_categories");
		assertThat(tools).allSatisfy(tool -> assertThat(tool.annotations().readOnlyHint()).isTrue());
		assertThat(tools.get(0).inputSchema()).containsEntry("required", List.of("query"))
			.extractingByKey("properties")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("query", "category", "limit", "lang");
		assertThat(tools.get(1).inputSchema()).containsEntry("required", List.of("category", "id"));
	}

	@Test
	void searchFaqsSchemaStatesTheLimitsTheToolEnforces() {
		client.initialize();

		Map<String, Object> properties = properties(client.listTools().tools().get(0));

		assertThat(properties.get("query")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("maxLength", QueryBudget.DEFAULT.maxChars());
		assertThat(properties.get("limit")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("maximum", FaqTools.MAX_LIMIT)
			.containsEntry("default", FaqTools.DEFAULT_LIMIT);
		String longest = "x".repeat(QueryBudget.DEFAULT.maxChars());
		assertThat(client.callTool(new CallToolRequest("search_faq", Map.of("query", longest))).isError())
			.isNotEqualTo(Boolean.TRUE);
		assertThat(error(client.callTool(new CallToolRequest("search_faq", Map.of("query", longest + "x")))))
			.endsWith("[/query: must be at most " + QueryBudget.DEFAULT.maxChars() + " characters long]");
		assertThat(
				client.callTool(new CallToolRequest("search_faq", Map.of("query", "mattermost"))).structuredContent())
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.extractingByKey("results")
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.hasSize(FaqTools.DEFAULT_LIMIT);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(McpSchema.Tool tool) {
		return (Map<String, Object>) tool.inputSchema().get("properties");
	}

	@Test
	void searchFaqFindsTheSeedQuestionWithItsUrlAndAPlainTextSnippet() {
		client.initialize();

		CallToolResult result = client
			.callTool(new CallToolRequest("search_faq", Map.of("query", "How do I deploy Team Edition?", "limit", 2)));

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

		CallToolResult result = client
			.callTool(new CallToolRequest("get_answer", Map.of("category", "general", "id", TEAM_EDITION_ID)));

		assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
		assertThat(result.structuredContent()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("url", "http://localhost:8080/faq/general/" + TEAM_EDITION_ID)
			.containsEntry("categoryTitle", "General")
			.containsEntry("updated", null)
			.hasEntrySatisfying("markdown", markdown -> assertThat((String) markdown)
				.startsWith("The open source Mattermost Team Edition is functionally identical")
				.endsWith(
						"download the [Mattermost Team Edition binary](https://docs.mattermost.com/product-overview/version-archive.html), "
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

		assertThat(error(client
			.callTool(new CallToolRequest("get_answer", Map.of("category", "general", "id", "no-such-question")))))
			.isEqualTo(
					"There is no question 'no-such-question' in category 'general'. Use search_faq to find questions and their ids.");
		assertThat(error(
				client.callTool(new CallToolRequest("search_faq", Map.of("query", "deploy", "category", "billing")))))
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

	static Stream<Arguments> messagesTheProtocolCannotTake() {
		return Stream.of(Arguments.of("not json", -32700, "Parse error: the body is not JSON"),
				Arguments.of("{\"jsonrpc\": \"2.0\", \"id\": 1", -32700, "Parse error: the body is not JSON"),
				Arguments.of("", -32700, "Parse error: the body is not JSON"),
				Arguments.of("[".repeat(100_000), -32700, "Parse error: the JSON is nested more than 64 levels deep"),
				Arguments.of("[]", -32600,
						"Invalid request: batches are not supported; send one JSON-RPC message per request"),
				Arguments.of("[{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}]", -32600,
						"Invalid request: batches are not supported; send one JSON-RPC message per request"),
				Arguments.of("42", -32600, "Invalid request: the body must be one JSON-RPC message, a JSON object"),
				// An object, but no JSON-RPC message: refused by the SDK's transport, its
				// error rewritten.
				Arguments.of("{\"id\": 1}", -32600, "Invalid message format"));
	}

	@ParameterizedTest
	@MethodSource("messagesTheProtocolCannotTake")
	void aMessageTheProtocolCannotTakeIsA400WithAJsonRpcErrorAndNothingInternal(String body, int code, String message)
			throws Exception {
		HttpResponse<String> response = post(body, "application/json", "application/json, text/event-stream");

		assertThat(response.statusCode()).isEqualTo(400);
		assertJsonRpcError(response, code, message);
	}

	@Test
	void whatTheTransportRefusesItselfIsAJsonRpcErrorTooWithoutItsJavaException() throws Exception {
		HttpResponse<String> noEventStream = post("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}",
				"application/json", "application/json");
		assertThat(noEventStream.statusCode()).isEqualTo(400);
		assertJsonRpcError(noEventStream, -32601,
				"Both application/json and text/event-stream required in Accept header");

		HttpResponse<String> notJson = post("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}", "text/plain",
				"application/json, text/event-stream");
		assertThat(notJson.statusCode()).isEqualTo(415);
		assertJsonRpcError(notJson, -32600, "Unsupported Media Type: Content-Type must be application/json");
	}

	private HttpResponse<String> post(String body, String contentType, String accept) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
				.header("Content-Type", contentType)
				.header("Accept", accept)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A JSON-RPC error response with no id, as the MCP specification asks, and nothing of
	 * the server's insides.
	 */
	private static void assertJsonRpcError(HttpResponse<String> response, int code, String message) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		Map<String, Object> expected = new HashMap<>();
		expected.put("jsonrpc", "2.0");
		expected.put("id", null);
		expected.put("error", Map.of("code", code, "message", message));
		assertThat(JsonMapper.shared().readValue(response.body(), Map.class)).isEqualTo(expected);
		assertThat(response.body()).doesNotContain("stackTrace", "java", "modelcontextprotocol");
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

		client
			.callTool(new CallToolRequest("search_faq", Map.of("query", "Largest deployment, asked by an assistant")));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.sql(
					"SELECT result_count FROM search_log WHERE query_text = 'largest deployment, asked by an assistant'")
				.query(Long.class)
				.list()).singleElement().satisfies(count -> assertThat(count).isPositive()));
	}

}
