package dev.faqkb.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The search pages and API over the seed content in {@code content/} plus enough questions for two pages. */
@SpringBootTest
@AutoConfigureMockMvc
class SearchWebTest {

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("faqkb-search-web");
		dir.toFile().deleteOnExit();
		Files.copy(Path.of("content/general.md"), dir.resolve("general.md"));
		Files.copy(Path.of("content/site.yml"), dir.resolve("site.yml"));
		StringBuilder more = new StringBuilder("---\ntitle: Plugins\norder: 20\n---\n\n");
		for (int i = 1; i <= 12; i++) {
			more.append("## How do I enable Mattermost plugin ").append(i).append("?\n\nOpen the System Console and switch plugin ")
				.append(i).append(" on.\n\n");
		}
		Files.writeString(dir.resolve("plugins.md"), more);
		for (Path file : List.of(dir.resolve("general.md"), dir.resolve("site.yml"), dir.resolve("plugins.md"))) {
			file.toFile().deleteOnExit();
		}
		registry.add("faqkb.content-dir", dir::toString);
		registry.add("faqkb.content.watch", () -> "false");
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void apiSearchKeepsItsContractAndAddsFacetsOffsetAndDidYouMean() {
		assertThat(mvc.get().uri("/api/search?q=largest deployment&limit=2&offset=0")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.query", v -> v.assertThat().isEqualTo("largest deployment"))
			.hasPathSatisfying("$.results[0].question",
					v -> v.assertThat().isEqualTo("What's the largest Mattermost deployment you have?"))
			.hasPathSatisfying("$.results[0].url", v -> v.assertThat().isEqualTo("/faq/general/whats-the-largest-mattermost-deployment-you-have"))
			.hasPathSatisfying("$.results[0].anchorUrl", v -> v.assertThat().asString().startsWith("/faq/general#"))
			.hasPathSatisfying("$.results[0].snippet", v -> v.assertThat().asString().contains("<mark>"))
			.hasPathSatisfying("$.offset", v -> v.assertThat().isEqualTo(0))
			.hasPathSatisfying("$.facets[0].category", v -> v.assertThat().isEqualTo("general"))
			.hasPathSatisfying("$.facets[0].title", v -> v.assertThat().isEqualTo("General"))
			.hasPathSatisfying("$.didYouMean", v -> v.assertThat().isNull());
	}

	@Test
	void apiSearchLimitCapsTheResultsButNotTheTotal() {
		assertThat(mvc.get().uri("/api/search?q=mattermost&limit=2")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results.length()", v -> v.assertThat().isEqualTo(2))
			.hasPathSatisfying("$.total", v -> v.assertThat().asNumber().satisfies(
					n -> assertThat(n.intValue()).isGreaterThan(10)));
		assertThat(mvc.get().uri("/api/search?q=mattermost&limit=500")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results.length()", v -> v.assertThat().asNumber().satisfies(
					n -> assertThat(n.intValue()).isLessThanOrEqualTo(50)));
	}

	@Test
	void apiSearchOffsetSkipsResultsAndKeepsTheTotal() throws Exception {
		String first = mvc.get().uri("/api/search?q=mattermost&limit=1").exchange().getResponse().getContentAsString();
		String second = mvc.get().uri("/api/search?q=mattermost&limit=1&offset=1").exchange().getResponse()
			.getContentAsString();
		assertThat((Object) JsonPath.read(second, "$.offset")).isEqualTo(1);
		assertThat((Object) JsonPath.read(second, "$.total")).isEqualTo(JsonPath.read(first, "$.total"));
		assertThat((Object) JsonPath.read(second, "$.results[0].id")).isNotEqualTo(JsonPath.read(first, "$.results[0].id"));
	}

	@Test
	void apiSearchSuggestsASpelling() {
		assertThat(mvc.get().uri("/api/search?q=mattermots licence")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.didYouMean", v -> v.assertThat().isEqualTo("mattermost license"));
	}

	@Test
	void apiSearchRejectsBadParametersWithAMessage() {
		assertThat(mvc.get().uri("/api/search?q=" + "a".repeat(257))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().hasPathSatisfying("$.error", v -> v.assertThat().asString().contains("256"));
		assertThat(mvc.get().uri("/api/search?q=a&offset=-1")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().hasPathSatisfying("$.error", v -> v.assertThat().asString().contains("offset"));
		assertThat(mvc.get().uri("/api/search?q=a&offset=x")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().hasPathSatisfying("$.error", v -> v.assertThat().asString().contains("offset"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"", "(", "a:b", "-x", "*", "[unbalanced", "%22%5D%7B" })
	void oddQueriesNeverFail(String q) {
		assertThat(mvc.get().uri("/api/search?q={q}", q)).hasStatusOk();
		assertThat(mvc.get().uri("/api/suggest?q={q}", q)).hasStatusOk();
		assertThat(mvc.get().uri("/search?q={q}", q)).hasStatusOk();
	}

	@Test
	void suggestGivesAtMostEightQuestionsForAnUnfinishedWord() {
		assertThat(mvc.get().uri("/api/suggest?q=largest depl")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.query", v -> v.assertThat().isEqualTo("largest depl"))
			.hasPathSatisfying("$.suggestions[0].question",
					v -> v.assertThat().isEqualTo("What's the largest Mattermost deployment you have?"))
			.hasPathSatisfying("$.suggestions[0].category", v -> v.assertThat().isEqualTo("general"))
			.hasPathSatisfying("$.suggestions[0].url",
					v -> v.assertThat().isEqualTo("/faq/general/whats-the-largest-mattermost-deployment-you-have"));
		assertThat(mvc.get().uri("/api/suggest?q=m")).bodyJson()
			.hasPathSatisfying("$.suggestions.length()", v -> v.assertThat().asNumber().satisfies(
					n -> assertThat(n.intValue()).isBetween(1, 8)));
		assertThat(mvc.get().uri("/api/suggest?q=")).bodyJson()
			.hasPathSatisfying("$.suggestions.length()", v -> v.assertThat().isEqualTo(0));
		assertThat(mvc.get().uri("/api/suggest?q=" + "a".repeat(257))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().hasPathSatisfying("$.error", v -> v.assertThat().asString().contains("256"));
	}

	@Test
	void searchPageShowsFacetsTheShortBestAnswerAndResultLinksWithTheHighlightParameter() {
		assertThat(mvc.get().uri("/search?q=508 compliance")).hasStatusOk()
			.bodyText()
			.contains("<nav class=\"facets\" aria-label=\"Filter by category\">")
			.contains("href=\"/search?q=508%20compliance&amp;category=general\"")
			.contains("class=\"best-answer\"")
			.contains("href=\"/faq/general/does-mattermost-support-508-compliance?hl=508%20compliance\"");
	}

	@Test
	void searchPageFiltersByCategory() {
		assertThat(mvc.get().uri("/search?q=mattermost&category=general")).hasStatusOk()
			.bodyText()
			.contains("in <span>General</span>")
			.contains("aria-current=\"page\"><span>General</span>")
			.contains("href=\"/search?q=mattermost&amp;category=plugins\"><span>Plugins</span>")
			.doesNotContain("href=\"/faq/plugins/");
	}

	@Test
	void searchPageShowsDidYouMean() {
		assertThat(mvc.get().uri("/search?q=mattermots")).hasStatusOk()
			.bodyText()
			.contains("Did you mean")
			.contains("href=\"/search?q=mattermost&amp;category=\"");
	}

	@Test
	void searchPagePaginatesAndRejectsPagesThatCannotExist() {
		assertThat(mvc.get().uri("/search?q=mattermost&page=2")).hasStatusOk()
			.bodyText()
			.contains("<nav class=\"pagination\" aria-label=\"Pages of results\">")
			.contains("rel=\"prev\" href=\"/search?q=mattermost&amp;category=&amp;page=1\"")
			.contains("<ol class=\"results\" start=\"11\">");
		assertThat(mvc.get().uri("/search?q=mattermost&page=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText().contains("There is no page 0 of results.");
		assertThat(mvc.get().uri("/search?q=mattermost&page=two")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void searchPageEscapesTheQuery() {
		assertThat(mvc.get().uri("/search?q={q}", "<script>alert(1)</script>")).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void highlightParameterMarksTheAnswerButNotTheCanonicalLinkOrTheAnchor() {
		assertThat(mvc.get().uri("/faq/general/does-mattermost-support-508-compliance?hl={hl}", "accessibility \"><b>x"))
			.hasStatusOk()
			.bodyText()
			.contains("<mark>accessibility</mark>")
			.doesNotContain("<b>x")
			.contains("<link rel=\"canonical\" href=\"")
			.containsPattern("<link rel=\"canonical\" href=\"[^\"?]*/faq/general/does-mattermost-support-508-compliance\">")
			.contains("href=\"/faq/general#does-mattermost-support-508-compliance\"")
			.doesNotContain("hl=");
	}

	@Test
	void withoutTheHighlightParameterNothingIsMarked() {
		assertThat(mvc.get().uri("/faq/general/does-mattermost-support-508-compliance")).hasStatusOk()
			.bodyText()
			.doesNotContain("<mark>");
	}

	@Test
	void questionPageListsRelatedQuestionsButNeverItself() {
		assertThat(mvc.get().uri("/faq/general/whats-the-largest-mattermost-deployment-you-have")).hasStatusOk()
			.bodyText()
			.contains("<h2 id=\"related-title\">Related questions</h2>")
			.containsPattern("(?s)<nav class=\"related\".*<a href=\"/faq/general/[^\"]+\">.*</nav>")
			.satisfies(html -> {
				String related = html.substring(html.indexOf("<nav class=\"related\""),
						html.indexOf("</nav>", html.indexOf("<nav class=\"related\"")));
				assertThat(related).doesNotContain("href=\"/faq/general/whats-the-largest-mattermost-deployment-you-have\"");
			});
	}

	@Test
	void searchBoxIsAComboboxThatWorksAsAPlainForm() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("<form class=\"search-box\" role=\"search\" action=\"/search\" method=\"get\" data-suggest-url=\"/api/suggest\">")
			.contains("name=\"q\"")
			.contains("role=\"combobox\"")
			.contains("aria-autocomplete=\"list\"")
			.contains("aria-expanded=\"false\"")
			.contains("aria-controls=\"q-suggestions\"")
			.contains("<ul id=\"q-suggestions\" class=\"suggestions\" role=\"listbox\" aria-label=\"Suggested questions\" hidden>")
			.contains("role=\"status\" aria-live=\"polite\"")
			.containsPattern("<script src=\"/js/search-[0-9a-f]{32}\\.js\" defer></script>");
	}

	@Test
	void comboboxScriptFollowsTheMarkupContract() {
		// no browser here: check that the script drives the attributes the markup declares
		assertThat(mvc.get().uri("/js/search.js")).hasStatusOk()
			.bodyText()
			.contains("[role=\"combobox\"]", "aria-controls", "aria-expanded", "aria-activedescendant",
					"aria-selected", "'option'", "ArrowDown", "ArrowUp", "Enter", "Escape", "textContent", "?hl=")
			.doesNotContain("innerHTML = suggestion", "http://", "https://");
	}

}
