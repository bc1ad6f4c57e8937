package dev.faqkb.web;

import java.nio.file.Path;
import java.util.List;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching the seed content in {@code content/} plus enough questions for two pages of
 * results: the results page, answers reached from it, the search box, and the API end to
 * end. The API's parameters and limits are {@link SearchApiTest}.
 */
@FaqkbWebTest
class SearchWebTest {

	private static final String LARGEST = "whats-the-largest-mattermost-deployment-you-have";

	@TestContent.Setup
	static void content(TestContent content) {
		content.copyOf(Path.of("content"));
		StringBuilder plugins = new StringBuilder("---\ntitle: Plugins\norder: 20\n---\n\n");
		for (int i = 1; i <= 12; i++) {
			plugins.append("## How do I enable Mattermost plugin ")
				.append(i)
				.append("?\n\nOpen the System Console and switch plugin ")
				.append(i)
				.append(" on.\n\n");
		}
		content.file("plugins.md", plugins.toString());
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void apiSearchPutsTheBestAnswerFirstWithItsAddressesSnippetAndFacets() {
		assertThat(mvc.get().uri("/api/search?q=largest deployment&limit=2&offset=0")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.query", v -> v.assertThat().isEqualTo("largest deployment"))
			.hasPathSatisfying("$.results[0].question",
					v -> v.assertThat().isEqualTo("What's the largest Mattermost deployment you have?"))
			.hasPathSatisfying("$.results[0].id", v -> v.assertThat().isEqualTo(LARGEST))
			.hasPathSatisfying("$.results[0].category", v -> v.assertThat().isEqualTo("general"))
			.hasPathSatisfying("$.results[0].categoryTitle", v -> v.assertThat().isEqualTo("General"))
			.hasPathSatisfying("$.results[0].url", v -> v.assertThat().isEqualTo("/faq/general/" + LARGEST))
			.hasPathSatisfying("$.results[0].anchorUrl", v -> v.assertThat().isEqualTo("/faq/general#" + LARGEST))
			.hasPathSatisfying("$.results[0].snippet", v -> v.assertThat().asString().contains("<mark>largest</mark>"))
			.hasPathSatisfying("$.results[0].score",
					v -> v.assertThat().asNumber().satisfies(score -> assertThat(score.doubleValue()).isPositive()))
			.hasPathSatisfying("$.offset", v -> v.assertThat().isEqualTo(0))
			.hasPathSatisfying("$.facets[0].category", v -> v.assertThat().isEqualTo("general"))
			.hasPathSatisfying("$.facets[0].title", v -> v.assertThat().isEqualTo("General"))
			.hasPathSatisfying("$.didYouMean", v -> v.assertThat().isNull());
	}

	@Test
	void apiSearchSuggestsASpelling() {
		assertThat(mvc.get().uri("/api/search?q=mattermots licence")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.didYouMean", v -> v.assertThat().isEqualTo("mattermost licence"));
	}

	static List<String> oddQueries() {
		return List.of("\"", "(", "a:b", "title:", "-x", "-", "*", "[unbalanced", "%22%5D%7B", "\"unbalanced (",
				"a AND (b OR", "[]{}^~\\/", "!".repeat(250), "?*:\"()[]{}<>".repeat(20));
	}

	@ParameterizedTest
	@MethodSource("oddQueries")
	void oddQueriesNeverFail(String q) {
		assertThat(mvc.get().uri("/api/search?q={q}", q)).hasStatusOk();
		assertThat(mvc.get().uri("/api/suggest?q={q}", q)).hasStatusOk();
		assertThat(mvc.get().uri("/search?q={q}", q)).hasStatusOk();
	}

	@Test
	void searchingLargestDeploymentPutsThatQuestionFirstOnThePage() {
		assertThat(mvc.get().uri("/search").param("q", "largest deployment")).hasStatusOk()
			.bodyText()
			.containsPattern(
					"(?s)<ol class=\"results\"[^>]*>\\s*<li[^>]*>\\s*<h2><a href=\"/search/opened/\\d+/general/"
							+ LARGEST + "\\?hl=")
			.contains("value=\"largest deployment\"");
	}

	@Test
	void searchWithoutResultsSaysSoAndListsTheCategories() {
		assertThat(mvc.get().uri("/search").param("q", "zzqxv")).hasStatusOk()
			.bodyText()
			.contains("0 results")
			.contains("No answers match your search")
			.contains("href=\"/faq/general\">General</a>")
			.contains("href=\"/faq/plugins\">Plugins</a>");
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
			.bodyText()
			.contains("There is no page 0 of results.");
		assertThat(mvc.get().uri("/search?q=mattermost&page=101")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("There is no page 101 of results.");
		assertThat(mvc.get().uri("/search?q=mattermost&page=two")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("&#39;page&#39; has an invalid value");
	}

	@Test
	void theSearchBoxTakesNoMoreThanTheSearchAccepts() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"" + SearchController.MAX_QUERY_LENGTH
					+ "\"");
	}

	@Test
	void searchPageRejectsAnOverlongQueryWithAMessage() {
		assertThat(mvc.get().uri("/search").param("q", "a".repeat(257))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Your search is too long: use at most 256 characters.");
		assertThat(mvc.get().uri("/search").param("q", "a".repeat(256))).hasStatusOk();
	}

	@Test
	void searchPageShowsTheQueryEscaped() {
		assertThat(mvc.get().uri("/search?q={q}", "<script>alert(1)</script>")).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(mvc.get().uri("/search?q={q}", "\"unbalanced (")).hasStatusOk()
			.bodyText()
			.contains("value=\"&quot;unbalanced (\"");
	}

	@Test
	void highlightParameterMarksTheAnswerButNotTheCanonicalLinkOrTheAnchor() {
		assertThat(
				mvc.get().uri("/faq/general/does-mattermost-support-508-compliance?hl={hl}", "accessibility \"><b>x"))
			.hasStatusOk()
			.bodyText()
			.contains("<mark>accessibility</mark>")
			.doesNotContain("<b>x")
			.contains("<link rel=\"canonical\" href=\"")
			.containsPattern(
					"<link rel=\"canonical\" href=\"[^\"?]*/faq/general/does-mattermost-support-508-compliance\">")
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
				assertThat(related)
					.doesNotContain("href=\"/faq/general/whats-the-largest-mattermost-deployment-you-have\"");
			});
	}

	@Test
	void searchBoxIsAComboboxThatWorksAsAPlainForm() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains(
					"<form class=\"search-box\" role=\"search\" action=\"/search\" method=\"get\" data-suggest-url=\"/api/suggest\">")
			.contains("name=\"q\"")
			.contains("role=\"combobox\"")
			.contains("aria-autocomplete=\"list\"")
			.contains("aria-expanded=\"false\"")
			.contains("aria-controls=\"q-suggestions\"")
			.contains(
					"<ul id=\"q-suggestions\" class=\"suggestions\" role=\"listbox\" aria-label=\"Suggested questions\" hidden>")
			.contains("role=\"status\" aria-live=\"polite\"")
			.containsPattern("<script src=\"/js/search-[0-9a-f]{32}\\.js\" defer></script>");
	}

	@Test
	void comboboxScriptFollowsTheMarkupContract() {
		// no browser here: check that the script drives the attributes the markup
		// declares
		assertThat(mvc.get().uri("/js/search.js")).hasStatusOk()
			.bodyText()
			.contains("[role=\"combobox\"]", "aria-controls", "aria-expanded", "aria-activedescendant", "aria-selected",
					"'option'", "ArrowDown", "ArrowUp", "Enter", "Escape", "textContent", "?hl=")
			.doesNotContain("innerHTML = suggestion", "http://", "https://");
	}

}
