package dev.faqkb.integrations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.faqkb.search.QueryBudget;
import dev.faqkb.system.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAPI description against the real API: every response below must match the
 * schema documented for its path, method and status (read strictly: a field the
 * description does not name is an error), and every JSON endpoint under /api with its
 * parameters must be described.
 */
@SeedSiteWithIntegrations
class OpenApiTests {

	static final String DOCUMENT = "https://faqkb.test/v3/api-docs";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Storage storage;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	JsonNode document;

	SchemaRegistry schemas;

	@BeforeEach
	void readTheServedDescription() throws Exception {
		MvcTestResult served = mvc.get().uri("/v3/api-docs").exchange();
		assertThat(served).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		document = json.readTree(served.getResponse().getContentAsString(StandardCharsets.UTF_8));
		JsonNode strict = closeObjects(document.deepCopy());
		schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
				builder -> builder.schemas(Map.of(DOCUMENT, json.writeValueAsString(strict))));
	}

	@Test
	void theDescriptionIsOpenApi31AndAlsoServedAsWritten() {
		assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
		assertThat(mvc.get().uri("/v3/api-docs.yaml")).hasStatusOk()
			.hasHeader("Content-Type", "application/yaml;charset=UTF-8")
			.bodyText()
			.contains("openapi: 3.1.0");
	}

	@Test
	void searchResponsesMatchTheDescription() {
		matches(mvc.get().uri("/api/search?q=How do I deploy Team Edition?&limit=3").exchange(), "/api/search", "get",
				200);
		matches(mvc.get().uri("/api/search?q=largst deploymnt&category=general").exchange(), "/api/search", "get", 200);
		matches(mvc.get().uri("/api/search?q=qwxzv").exchange(), "/api/search", "get", 200);
		matches(mvc.get().uri("/api/search?q=" + "x".repeat(257)).exchange(), "/api/search", "get", 400);
		matches(mvc.get().uri("/api/search?q=deploy&limit=0").exchange(), "/api/search", "get", 400);
		matches(mvc.get().uri("/api/search?q=deploy&offset=1001").exchange(), "/api/search", "get", 400);
	}

	@Test
	void suggestResponsesMatchTheDescription() {
		matches(mvc.get().uri("/api/suggest?q=how do i dep").exchange(), "/api/suggest", "get", 200);
		matches(mvc.get().uri("/api/suggest?q=" + "x".repeat(257)).exchange(), "/api/suggest", "get", 400);
	}

	@Test
	void feedbackResponsesMatchTheDescription() {
		String answer = "/faq/general/why-was-mattermost-created/feedback";
		matches(mvc.post().uri(answer).param("helpful", "yes").accept(MediaType.APPLICATION_JSON).exchange(),
				"/faq/{category}/{id}/feedback", "post", 200);
		matches(mvc.post().uri(answer).param("helpful", "maybe").accept(MediaType.APPLICATION_JSON).exchange(),
				"/faq/{category}/{id}/feedback", "post", 400);
		matches(mvc.post()
			.uri(answer)
			.param("helpful", "yes")
			.accept(MediaType.APPLICATION_JSON)
			.header("Sec-Fetch-Site", "cross-site")
			.exchange(), "/faq/{category}/{id}/feedback", "post", 403);
		matches(mvc.post()
			.uri(answer)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("comment=" + "x".repeat(10_000))
			.accept(MediaType.APPLICATION_JSON)
			.exchange(), "/faq/{category}/{id}/feedback", "post", 413);
		// Without JSON the 200 is the thank-you page, as the description says.
		assertThat(mvc.post().uri(answer).param("helpful", "yes").exchange()).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void askResponsesMatchTheDescription() {
		matches(mvc.post()
			.uri("/ask")
			.param("question", "Does the description match?")
			.accept(MediaType.APPLICATION_JSON)
			.with(request -> {
				request.setRemoteAddr("203.0.113.9");
				return request;
			})
			.exchange(), "/ask", "post", 200);
		matches(mvc.post().uri("/ask").param("question", "").accept(MediaType.APPLICATION_JSON).exchange(), "/ask",
				"post", 400);
		matches(mvc.post()
			.uri("/ask")
			.param("question", "x")
			.accept(MediaType.APPLICATION_JSON)
			.header("Origin", "https://evil.example")
			.exchange(), "/ask", "post", 403);
		matches(mvc.post()
			.uri("/ask")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("question=" + "x".repeat(12_000))
			.accept(MediaType.APPLICATION_JSON)
			.exchange(), "/ask", "post", 413);
	}

	@Test
	void refusalsWhileTheDatabaseCannotBeUsedMatchTheDescription() {
		storage.failed(new DataAccessResourceFailureException("Connection refused (as the test says)"));
		try {
			matches(mvc.post()
				.uri("/faq/general/why-was-mattermost-created/feedback")
				.param("helpful", "yes")
				.accept(MediaType.APPLICATION_JSON)
				.exchange(), "/faq/{category}/{id}/feedback", "post", 503);
			matches(mvc.post()
				.uri("/ask")
				.param("question", "Is the database up?")
				.accept(MediaType.APPLICATION_JSON)
				.exchange(), "/ask", "post", 503);
		}
		finally {
			// the recheck finds the database usable within seconds; the other tests of
			// this context need it
			await().atMost(Duration.ofSeconds(30)).until(storage::usable);
		}
	}

	@Test
	void theDocumentedQueryLengthIsWhatTheQueryBudgetAnalyses() {
		int max = QueryBudget.DEFAULT.maxChars();

		assertThat(parameter("/api/search", "get", "q").path("schema").path("maxLength").asInt()).isEqualTo(max);
		assertThat(parameter("/api/suggest", "get", "q").path("schema").path("maxLength").asInt()).isEqualTo(max);
		assertThat(formField("/ask", "search").path("maxLength").asInt()).isEqualTo(max);
		for (String path : List.of("/api/search", "/api/suggest")) {
			assertThat(document.at("/paths/" + escape(path) + "/get/responses/400/description").asString())
				.contains("`q` longer than " + max + " characters");
		}
	}

	@Test
	void everyDocumentedLimitIsTheOneEnforced() {
		int q = parameter("/api/search", "get", "q").path("schema").path("maxLength").asInt();
		assertThat(mvc.get().uri("/api/search").param("q", "x".repeat(q))).hasStatusOk();
		assertThat(mvc.get().uri("/api/search").param("q", "x".repeat(q + 1))).hasStatus(400);
		int suggest = parameter("/api/suggest", "get", "q").path("schema").path("maxLength").asInt();
		assertThat(mvc.get().uri("/api/suggest").param("q", "x".repeat(suggest))).hasStatusOk();
		assertThat(mvc.get().uri("/api/suggest").param("q", "x".repeat(suggest + 1))).hasStatus(400);
		int offset = parameter("/api/search", "get", "offset").path("schema").path("maximum").asInt();
		assertThat(mvc.get().uri("/api/search?q=deploy&offset=" + offset)).hasStatusOk();
		assertThat(mvc.get().uri("/api/search?q=deploy&offset=" + (offset + 1))).hasStatus(400);

		String answer = "/faq/general/why-was-mattermost-created/feedback";
		int comment = formField("/faq/{category}/{id}/feedback", "comment").path("maxLength").asInt();
		assertThat(json(mvc.post().uri(answer).param("helpful", "no").param("comment", "x".repeat(comment)),
				"198.51.100.1"))
			.hasStatusOk();
		assertThat(json(mvc.post().uri(answer).param("helpful", "no").param("comment", "x".repeat(comment + 1)),
				"198.51.100.1"))
			.hasStatus(400);

		int question = formField("/ask", "question").path("maxLength").asInt();
		assertThat(json(mvc.post().uri("/ask").param("question", "?".repeat(question)), "198.51.100.2")).hasStatusOk();
		assertThat(json(mvc.post().uri("/ask").param("question", "?".repeat(question + 1)), "198.51.100.2"))
			.hasStatus(400);
		int email = formField("/ask", "email").path("maxLength").asInt();
		String domain = "@example.com";
		assertThat(json(mvc.post()
			.uri("/ask")
			.param("question", "Is this address long enough?")
			.param("email", "a".repeat(email - domain.length()) + domain), "198.51.100.3")).hasStatusOk();
		assertThat(json(mvc.post()
			.uri("/ask")
			.param("question", "Is this address too long?")
			.param("email", "a".repeat(email + 1 - domain.length()) + domain), "198.51.100.3")).hasStatus(400);
	}

	private JsonNode parameter(String path, String method, String name) {
		for (JsonNode parameter : document.path("paths").path(path).path(method).path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError(method + " " + path + " has no parameter " + name);
	}

	private JsonNode formField(String path, String name) {
		JsonNode field = document.path("paths")
			.path(path)
			.path("post")
			.path("requestBody")
			.path("content")
			.path("application/x-www-form-urlencoded")
			.path("schema")
			.path("properties")
			.path(name);
		assertThat(field.isObject()).as("POST " + path + " describes " + name).isTrue();
		return field;
	}

	/**
	 * Sent as the script sends it, from its own address so that no rate limit is shared
	 * with other tests.
	 */
	private MvcTestResult json(MockMvcTester.MockMvcRequestBuilder request, String address) {
		return request.accept(MediaType.APPLICATION_JSON).with(sent -> {
			sent.setRemoteAddr(address);
			return sent;
		}).exchange();
	}

	@Test
	void everyJsonEndpointUnderApiIsDescribedWithItsParameters() {
		List<String> checked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (String path : entry.getKey().getPatternValues()) {
				if (!path.startsWith("/api/") || path.startsWith("/api/admin/")) {
					continue; // the admin API is for the owner's own tools, behind a
								// password
				}
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
					assertThat(operation.isObject()).as(method + " " + path + " is described").isTrue();
					Set<String> described = new TreeSet<>();
					operation.path("parameters").forEach(parameter -> described.add(parameter.get("name").asString()));
					assertThat(described).as(method + " " + path + " parameters")
						.isEqualTo(requestParams(entry.getValue()));
					checked.add(method + " " + path);
				}
			}
		}
		assertThat(checked).contains("GET /api/search", "GET /api/suggest");
	}

	private static Set<String> requestParams(HandlerMethod handler) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				names.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
			}
		}
		return names;
	}

	/**
	 * The response has the status described, and its body (if described) matches its
	 * schema.
	 */
	private void matches(MvcTestResult result, String path, String method, int status) {
		assertThat(result).hasStatus(status);
		JsonNode response = document.path("paths")
			.path(path)
			.path(method)
			.path("responses")
			.path(String.valueOf(status));
		assertThat(response.isObject()).as(method + " " + path + " describes " + status).isTrue();
		JsonNode content = response.path("content").path("application/json");
		if (content.isMissingNode()) {
			return;
		}
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		String pointer = "/paths/" + escape(path) + "/" + method + "/responses/" + status
				+ "/content/application~1json/schema";
		Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
		String body;
		try {
			body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		List<Error> errors = schema.validate(body, InputFormat.JSON);
		assertThat(errors).as(method + " " + path + " " + status + ": " + body).isEmpty();
	}

	private static String escape(String path) {
		return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
	}

	/**
	 * Every object schema that lists its properties gets
	 * {@code additionalProperties: false}: no unnamed fields.
	 */
	private static JsonNode closeObjects(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && object.path("type").asString("").equals("object")
					&& !object.has("additionalProperties")) {
				object.put("additionalProperties", false);
			}
			object.values().forEach(OpenApiTests::closeObjects);
		}
		else if (node.isArray()) {
			node.forEach(OpenApiTests::closeObjects);
		}
		return node;
	}

}
