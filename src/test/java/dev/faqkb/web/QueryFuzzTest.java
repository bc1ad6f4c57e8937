package dev.faqkb.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import dev.faqkb.FaqkbWebTest;
import dev.faqkb.RandomText;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 10,000 random texts (see {@link RandomText}: every plane of Unicode, lone surrogates,
 * control characters, Lucene syntax, HTML and template injection, up to 256 characters)
 * sent through the whole application where a visitor's text goes in: {@code /api/search},
 * {@code /api/suggest}, {@code /search}, {@code ?hl=} on an answer and unknown question
 * ids, each text to one of them in turn. No answer is a 5xx; no page holds a text that
 * could open a tag unescaped; the JSON is valid and echoes the query; a query longer than
 * the search box allows is a 400 that says so. MockMvc, for speed:
 * {@link QueryFuzzHttpTest} sends a slice over real HTTP.
 */
@FaqkbWebTest
class QueryFuzzTest {

	static final int INPUTS = 10_000;

	static final long SEED = RandomText.seed(20_261_128L);

	/**
	 * Text that a browser could read as the start of a tag, a comment or a declaration.
	 */
	static final Pattern OPENS_MARKUP = Pattern.compile("<[\\p{L}/!?]");

	@TestContent.Setup
	static void content(TestContent content) {
		content.helpAndBilling()
			.category("zh", "帮助", "\n## 如何重置管理员的密码？ {#reset-admin-password}\n\n打开账户页面，选择“重置密码”。\n")
			.category("tricky", "Tricky", """

					## Is <b>bold</b> & "quoted" text escaped? {#escaped}

					Raw <span title="password">HTML</span>, a <!-- password --> comment, <script>var password;</script>,
					1 < 2 & 3 > 2, &lt;password&gt; and `code password`.
					""");
	}

	@Autowired
	MockMvc mvc;

	@Test
	void anyTextIsAnsweredWithoutServerErrorAndReflectedEscaped() throws Exception {
		String served = served(uri -> mvc.perform(get(URI.create(uri)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		List<String> texts = new RandomText(SEED).texts(INPUTS);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			Target target = Target.of(i);
			try {
				MockHttpServletResponse response = mvc.perform(target.request(text)).andReturn().getResponse();
				target.check(response.getStatus(), response.getContentType(),
						response.getContentAsString(StandardCharsets.UTF_8), text, served);
			}
			catch (AssertionError | Exception ex) {
				failures.add(target.name() + " " + RandomText.show(text) + ": " + ex);
			}
		}
		System.out.printf("QueryFuzzTest: %,d texts of seed %d, one request each, %d failed%n", texts.size(), SEED,
				failures.size());
		assertThat(failures).as("requests that failed, of %,d (seed %d)", texts.size(), SEED).isEmpty();
	}

	@Test
	void aQueryLongerThanTheSearchBoxAllowsIsABadRequestWithAMessage() throws Exception {
		RandomText random = new RandomText(SEED + 1);
		for (int i = 0; i < 100; i++) {
			String text = random.next();
			String tooLong = (text + "x").repeat(1 + SearchController.MAX_QUERY_LENGTH / (text.length() + 1));
			for (String address : List.of("/api/search", "/api/suggest")) {
				MockHttpServletResponse response = mvc.perform(get(address).param("q", tooLong))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("%s %s", address, RandomText.show(tooLong)).isEqualTo(400);
				assertThat(JsonPath.<String>read(response.getContentAsString(), "$.error"))
					.isEqualTo("q is too long: at most 256 characters");
			}
			MockHttpServletResponse page = mvc.perform(get("/search").param("q", tooLong).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();
			assertThat(page.getStatus()).isEqualTo(400);
			assertThat(page.getContentAsString()).contains("Your search is too long: use at most 256 characters.");
		}
	}

	/** Reads the page at an address (path and query, encoded). */
	interface Pages {

		String read(String uri) throws Exception;

	}

	/**
	 * The pages of the site as they are served whatever the visitor typed: a text found
	 * in them ("<scr", "</") is no sign of a reflection.
	 */
	static String served(Pages pages) throws Exception {
		StringBuilder served = new StringBuilder();
		for (String uri : List.of("/", "/search?q=password", "/search?q=reset", "/search?q=zzzz",
				"/faq/tricky/escaped?hl=password+text", "/faq/help/reset-password?hl=password", "/faq/tricky",
				"/faq/zh/reset-admin-password", "/faq/help/nothing-here")) {
			served.append(pages.read(uri));
		}
		return served.toString();
	}

	/**
	 * Where a visitor's text goes in: a query parameter, or the id of a question (then
	 * {@code parameter} is null).
	 */
	record Target(String name, String path, String parameter, boolean html) {

		/**
		 * The address of the {@code i}th text: in turn both JSON ones, the results page,
		 * {@code ?hl=}, an unknown id.
		 */
		static Target of(int i) {
			return switch (i % 5) {
				case 0 -> new Target("/api/search", "/api/search", "q", false);
				case 1 -> new Target("/api/suggest", "/api/suggest", "q", false);
				case 2 -> new Target("/search", "/search", "q", true);
				case 3 ->
					new Target("?hl=", i % 2 == 0 ? "/faq/tricky/escaped" : "/faq/help/reset-password", "hl", true);
				default -> new Target("unknown id", i % 2 == 0 ? "/faq/zh/" : "/faq/help/", null, true);
			};
		}

		RequestBuilder request(String text) {
			MockHttpServletRequestBuilder request = parameter == null ? get(path + "{id}", "x" + text)
					: get(path).param(parameter, text);
			return html ? request.accept(MediaType.TEXT_HTML) : request;
		}

		/**
		 * Path and query, percent-encoded as a browser sends them (a lone surrogate
		 * becomes "?").
		 */
		String uri(String text) {
			return parameter == null ? path + UriUtils.encodePathSegment("x" + text, StandardCharsets.UTF_8)
					: path + "?" + parameter + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
		}

		/**
		 * No server error; a page holds no text of the visitor's that could open a tag;
		 * JSON echoes the query.
		 */
		void check(int status, String contentType, String body, String text, String served) {
			assertThat(status).as("status").isLessThan(500);
			if (html) {
				if (OPENS_MARKUP.matcher(text).find() && !served.contains(text)) {
					assertThat(body).as("the text, unescaped").doesNotContain(text);
				}
				assertThat(body).doesNotContain("<faqkb-probe", "<script>alert", "<img src=x", "<svg/onload");
			}
			else {
				assertThat(contentType).startsWith(MediaType.APPLICATION_JSON_VALUE);
				Object query = JsonPath.read(body, status == 200 ? "$.query" : "$.error");
				if (status == 200 && isWellFormed(text)) {
					assertThat(query).as("the query echoed").isIn(text, text.strip());
				}
			}
		}

	}

	static boolean isWellFormed(String text) {
		return StandardCharsets.UTF_8.newEncoder().canEncode(text);
	}

}
