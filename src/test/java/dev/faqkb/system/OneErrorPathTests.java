package dev.faqkb.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.faqkb.integrations.SeedSiteWithIntegrations;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Every kind of refusal, at every entry point, has one shape: {@code {"error": "..."}}
 * and nothing else where {@link ResponseFormat} says JSON (the API, the slash command,
 * MCP, a script), the site's error page titled after the status otherwise (or the form
 * given back, for "Ask us"), always with the security headers, and with
 * {@code Retry-After} where waiting helps. What the container refuses before the
 * application sees it and bodies too large to be read are sent over real HTTP, as clients
 * send them; the rate limits through MockMvc, each from an address of its own, so that no
 * other test of this site is held back.
 */
@SeedSiteWithIntegrations
class OneErrorPathTests {

	static final String UNREADABLE_ADDRESS = "The address could not be read: it has a '%' not followed by two hex "
			+ "digits, or an encoded '/', '\\' or NUL character.";

	static final String ANSWER = "/faq/general/how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license";

	static final String PING = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Storage storage;

	@Autowired
	LoginThrottle loginThrottle;

	@LocalServerPort
	int port;

	@Test
	void pagesAnswerEveryRefusalWithTheErrorPage() throws Exception {
		for (String address : List.of("/faq/general/%ZZ", "/faq/..%2fgeneral", "/faq/%5cgeneral", "/faq/general%00")) {
			assertPage(raw(address, "text/html"), 400, "Bad request", UNREADABLE_ADDRESS);
		}
		assertPage(reply(mvc.post().uri(ANSWER + "/feedback").param("helpful", "maybe")), 400, "Bad request",
				"helpful must be 'yes' or 'no'");
		assertPage(reply(mvc.get().uri("/faq/nowhere")), 404, "Not found",
				"There is no category at this address. The link may be mistyped, or the category renamed.");
		Reply notAllowed = reply(mvc.get().uri(ANSWER + "/feedback"));
		assertPage(notAllowed, 405, "Method not allowed", "This address does not take that kind of request.");
		assertThat(notAllowed.header("Allow")).hasValue("POST");
		Reply tooLarge = http(form(ANSWER + "/feedback", "helpful=yes&comment=" + "x".repeat(3_000_000)));
		assertPage(tooLarge, 413, "Content too large", tooLarge(9_291));
		assertThat(tooLarge.body()).contains("<a href=\"" + ANSWER + "\">Back to the page</a>");

		RequestPostProcessor reader = from("198.51.100.71");
		Reply tooMany = untilRefused(() -> mvc.post().uri(ANSWER + "/feedback").param("helpful", "yes").with(reader));
		assertPage(tooMany, 429, "Too many requests",
				"Too many votes from your network in a short time. Please try again in a minute.");
		assertThat(tooMany.header("Retry-After")).hasValue("60");
	}

	@Test
	void askUsGivesTheFormBackWithEveryRefusalEvenOfABodyTooLargeToRead() throws Exception {
		Reply mistake = reply(mvc.post().uri("/ask").param("question", ""));
		assertForm(mistake, 400, "Please write your question.");

		// Far more than the form's fields take: nothing is read, and the form comes back
		// empty.
		Reply tooLarge = http(form("/ask", "question=" + "x".repeat(3_000_000) + "&search=&from="));
		assertForm(tooLarge, 413, tooLarge(11_641));
		assertThat(tooLarge.body()).contains("<textarea id=\"ask-question\" name=\"question\"")
			.doesNotContain("xxxxxxxxxx");

		RequestPostProcessor reader = from("198.51.100.72");
		Reply tooMany = untilRefused(
				() -> mvc.post().uri("/ask").param("question", "One error path, how many?").with(reader));
		assertForm(tooMany, 429, "You have sent many questions in a short time. Please try again in a minute.");
		assertThat(tooMany.header("Retry-After")).hasValue("60");
	}

	@Test
	void aFormIsReadUpToWhatItsFieldsCanTakeAndNotAByteMore() throws Exception {
		// 11,641 bytes: "Ask us"'s four fields, each full of the characters that take
		// most bytes to send.
		Reply read = http(form("/ask", "question=" + "x".repeat(11_641 - "question=".length())));
		assertForm(read, 400, "Your question is too long: at most 500 characters, it has 11,632.");

		Reply unread = http(form("/ask", "question=" + "x".repeat(11_642 - "question=".length())));
		assertForm(unread, 413, tooLarge(11_641));
	}

	@Test
	void theApiAnswersEveryRefusalAsJson() throws Exception {
		assertJson(raw("/api/..%2fsearch", "text/html"), 400, UNREADABLE_ADDRESS);
		assertJson(raw("/api/search?q=%ZZ", "text/html"), 400,
				"The address could not be read: it has a stray '%' or characters that are not UTF-8.");
		assertJson(reply(mvc.get().uri("/api/search").param("q", "x").param("limit", "x")), 400,
				"'limit' has an invalid value");
		assertJson(reply(mvc.get().uri("/api/nothing").accept(MediaType.TEXT_HTML)), 404,
				"There is no page at this address.");
		Reply notAllowed = reply(mvc.post().uri("/api/search"));
		assertJson(notAllowed, 405, "This address does not take that kind of request.");
		assertThat(notAllowed.header("Allow")).hasValue("GET");
		// An address that takes no body is held to the default limit, 16 KB.
		assertJson(
				http(HttpRequest.newBuilder(uri("/api/search?q=deploy"))
					.method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(3_000_000)))),
				413, tooLarge(16 * 1024));

		// The page's script asks for JSON, and gets every refusal of a vote as JSON.
		RequestPostProcessor script = from("198.51.100.73");
		Reply tooMany = untilRefused(() -> mvc.post()
			.uri(ANSWER + "/feedback")
			.param("helpful", "no")
			.accept(MediaType.APPLICATION_JSON)
			.with(script));
		assertJson(tooMany, 429, "Too many votes from your network in a short time. Please try again in a minute.");
		assertThat(tooMany.header("Retry-After")).hasValue("60");
	}

	@Test
	void theSlashCommandRefusesRequestsAsJsonAndAnswersQuestionsInSlacksFormat() throws Exception {
		String command = "token=" + SeedSiteWithIntegrations.TOKEN
				+ "&team_id=T1&user_id=U-one-path&command=%2Ffaq&text=";
		assertJson(http(form("/integrations/slash", command + "100%")), 400,
				"The form of this slash command is not URL-encoded (a % not followed by two hex digits).");
		assertJson(http(form("/integrations/slash", "token=wrong&text=deploy")), 401,
				"The token of this slash command is missing or not one faqkb accepts.");
		assertJson(http(HttpRequest.newBuilder(uri("/integrations/slash")).GET()), 405,
				"This address does not take that kind of request.");
		assertJson(http(form("/integrations/slash", command + "x".repeat(70_000))), 413, tooLarge(64 * 1024));

		// The user's own limit is a message Slack shows them, with 200: any other status
		// is a generic failure there.
		for (int i = 0; i < 3; i++) {
			http(form("/integrations/slash", command + "deploy"));
		}
		Reply limited = http(form("/integrations/slash", command + "deploy"));
		assertThat(limited.status()).isEqualTo(200);
		assertThat(limited.json()).isEqualTo(Map.of("response_type", "ephemeral", "text",
				"You have asked many questions in a short time. Please try again in a minute."));
	}

	@Test
	void mcpRefusesRequestsAsJsonAndMessagesItCannotTakeAsJsonRpcErrors() throws Exception {
		Reply notJson = http(mcp("not json"));
		assertThat(notJson.status()).isEqualTo(400);
		Map<String, Object> parseError = new HashMap<>();
		parseError.put("jsonrpc", "2.0");
		parseError.put("id", null);
		parseError.put("error", Map.of("code", -32700, "message", "Parse error: the body is not JSON"));
		assertThat(notJson.json()).isEqualTo(parseError);
		assertProtected(notJson);

		assertJson(http(HttpRequest.newBuilder(uri("/mcp")).GET()), 405,
				"This address does not take that kind of request.");
		assertJson(
				http(mcp("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": {\"name\": "
						+ "\"search_faq\", \"arguments\": {\"query\": \"" + "x".repeat(15 * 1024 * 1024) + "\"}}}")),
				413, tooLarge(256 * 1024));

		// MockMvc has the filters but not the MCP servlet: a request let through is a 404
		// here.
		RequestPostProcessor assistant = from("198.51.100.74");
		Reply tooMany = untilRefused(
				() -> mvc.post().uri("/mcp").contentType(MediaType.APPLICATION_JSON).content(PING).with(assistant));
		assertJson(tooMany, 429, "Too many requests from your address. Please try again in a minute.");
		assertThat(tooMany.header("Retry-After")).hasValue("60");
	}

	@Test
	void theAdminPagesAnswerEveryRefusalLikeTheRestOfTheSite() throws Exception {
		RequestPostProcessor owner = httpBasic("admin", SeedSiteWithIntegrations.ADMIN_PASSWORD);
		// Spring Security's 401 goes to the container's error page, which MockMvc does
		// not have.
		Reply signIn = http(HttpRequest.newBuilder(uri("/admin/insights")).header("Accept", "text/html"));
		assertPage(signIn, 401, "Sign-in required", "Please sign in to see this page.");
		assertThat(signIn.header("WWW-Authenticate")).hasValue("Basic realm=\"faqkb admin\"");
		assertJson(http(HttpRequest.newBuilder(uri("/api/admin/insights"))), 401, "Please sign in to see this page.");
		assertPage(reply(mvc.get().uri("/admin/open-questions.csv?period=5").with(owner)), 400, "Bad request",
				"period must be 7, 30 or 90 (days)");
		assertPage(reply(mvc.get().uri("/admin/nothing").with(owner)), 404, "Not found",
				"There is no page at this address.");
		assertPage(reply(mvc.get().uri("/admin/open-questions/1/dismissed").with(owner)), 405, "Method not allowed",
				"This address does not take that kind of request.");
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + SeedSiteWithIntegrations.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		assertPage(http(form("/admin/open-questions/1/answered", "answer=" + "x".repeat(20_000)).header("Authorization",
				basic)), 413, "Content too large", tooLarge(16 * 1024));
	}

	@Test
	void theLoginThrottleAnswersItsRefusalsLikeEveryOtherLimit() {
		// Eight failures in a row: the next attempts wait 8 s, long enough for a slow
		// machine to ask twice.
		for (int i = 0; i < LoginThrottle.FREE_FAILURES + 3; i++) {
			loginThrottle.failed("198.51.100.75");
		}
		RequestPostProcessor guesser = from("198.51.100.75");

		Reply page = reply(mvc.get().uri("/admin/insights").with(httpBasic("admin", "guess")).with(guesser));
		String seconds = page.header("Retry-After").orElseThrow();
		assertThat(Integer.parseInt(seconds)).isBetween(1, 8);
		assertPage(page, 429, "Too many requests",
				"Too many failed logins from your address. Try again in " + seconds + " s.");
		Reply json = reply(mvc.get().uri("/api/admin/insights").with(httpBasic("admin", "guess")).with(guesser));
		assertJson(json, 429, "Too many failed logins from your address. Try again in "
				+ json.header("Retry-After").orElseThrow() + " s.");
	}

	@Test
	void aDatabaseThatCannotBeUsedIsA503WithRetryAfterOnEveryForm() {
		String unavailable = "This cannot be done right now: our database is unavailable. "
				+ "Answers and search still work; please try again in a few minutes.";
		storage.failed(new DataAccessResourceFailureException("Connection refused (as the test says)"));
		try {
			Reply vote = reply(
					mvc.post().uri(ANSWER + "/feedback").param("helpful", "yes").with(from("198.51.100.76")));
			assertPage(vote, 503, "Service unavailable", unavailable);
			assertThat(vote.header("Retry-After")).hasValue("60");
			Reply script = reply(mvc.post()
				.uri(ANSWER + "/feedback")
				.param("helpful", "yes")
				.accept(MediaType.APPLICATION_JSON)
				.with(from("198.51.100.76")));
			assertJson(script, 503, unavailable);
			assertThat(script.header("Retry-After")).hasValue("60");
			Reply question = reply(mvc.post()
				.uri("/ask")
				.param("question", "One error path, database down?")
				.with(from("198.51.100.76")));
			assertForm(question, 503, unavailable);
			assertThat(question.header("Retry-After")).hasValue("60");
		}
		finally {
			// The other tests of this site need it: the recheck finds it usable within
			// seconds.
			await().atMost(Duration.ofSeconds(30)).until(storage::usable);
		}
	}

	/**
	 * The reply to the first of {@code request}s sent one after the other that a rate
	 * limit refuses; the limits refill continuously, so how many it takes depends on how
	 * fast they go.
	 */
	private static Reply untilRefused(Supplier<MockMvcTester.MockMvcRequestBuilder> request) {
		for (int i = 0; i < 500; i++) {
			Reply reply = reply(request.get());
			if (reply.status() == 429) {
				return reply;
			}
		}
		throw new AssertionError("500 requests and no 429");
	}

	private static String tooLarge(long maxBytes) {
		String most = maxBytes % 1024 == 0 ? maxBytes / 1024 + " KB" : String.format("%,d bytes", maxBytes);
		return "What was sent is too large: this address takes at most " + most
				+ ", so none of it was read. Please send less.";
	}

	/**
	 * {@code {"error": message}} and nothing else, as JSON, with the status and the
	 * security headers.
	 */
	private static void assertJson(Reply reply, int status, String message) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(reply.json()).isEqualTo(Map.of("error", message));
		assertProtected(reply);
	}

	/**
	 * The site's error page titled after the status, with the message escaped, the status
	 * and the security headers.
	 */
	private static void assertPage(Reply reply, int status, String title, String message) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(reply.body()).contains("<title>" + title + " · Mattermost FAQ</title>")
			.contains("<p>" + HtmlUtils.htmlEscape(message) + "</p>")
			.contains("role=\"search\"");
		assertProtected(reply);
	}

	/**
	 * The "Ask us" page with the form, the message above it, the status and the security
	 * headers.
	 */
	private static void assertForm(Reply reply, int status, String message) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(reply.header("Cache-Control")).hasValue("no-store");
		String shown = reply.body().contains("ask-field-error")
				? "<p class=\"ask-field-error error\" id=\"ask-question-error\">" + HtmlUtils.htmlEscape(message)
						+ "</p>"
				: "<p class=\"ask-error error\" id=\"ask-error\" role=\"alert\">" + HtmlUtils.htmlEscape(message)
						+ "</p>";
		assertThat(reply.body()).contains("<title>Error: Ask us · Mattermost FAQ</title>")
			.contains("<form method=\"post\" action=\"/ask\" data-ask>")
			.contains(shown);
		assertProtected(reply);
	}

	private static void assertProtected(Reply reply) {
		assertThat(reply.header("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(reply.header("X-Frame-Options")).hasValue("DENY");
		assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(reply.header("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private URI uri(String address) {
		return URI.create("http://127.0.0.1:" + port + address);
	}

	private HttpRequest.Builder form(String address, String form) {
		return HttpRequest.newBuilder(uri(address))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
	}

	private HttpRequest.Builder mcp(String body) {
		return HttpRequest.newBuilder(uri("/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static Reply http(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		Map<String, String> headers = new HashMap<>();
		response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		return new Reply(response.statusCode(), headers, response.body());
	}

	/**
	 * {@code address} sent as it is, which no HTTP client does: they refuse an escape
	 * like {@code %ZZ}, or decode and normalise the path. HTTP/1.0, so that the reply is
	 * neither chunked nor kept open.
	 */
	private Reply raw(String address, String accept) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + address + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + accept + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = response.indexOf("\r\n\r\n");
			String[] head = response.substring(0, end).split("\r\n");
			Map<String, String> headers = new HashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers.putIfAbsent(head[i].substring(0, colon).strip().toLowerCase(),
						head[i].substring(colon + 1).strip());
			}
			return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, response.substring(end + 4));
		}
	}

	private static Reply reply(MockMvcTester.MockMvcRequestBuilder request) {
		return reply(request.exchange());
	}

	private static Reply reply(MvcTestResult result) {
		Map<String, String> headers = new HashMap<>();
		result.getResponse()
			.getHeaderNames()
			.forEach(name -> headers.put(name.toLowerCase(), result.getResponse().getHeader(name)));
		if (result.getResponse().getContentType() != null) {
			headers.put("content-type", result.getResponse().getContentType());
		}
		try {
			return new Reply(result.getResponse().getStatus(), headers,
					result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response, from MockMvc or over HTTP, with its headers by lower-case name (the
	 * first value of each).
	 */
	record Reply(int status, Map<String, String> headers, String body) {

		Optional<String> header(String name) {
			return Optional.ofNullable(headers.get(name.toLowerCase()));
		}

		Map<?, ?> json() {
			return JsonMapper.shared().readValue(body, Map.class);
		}

	}

}
