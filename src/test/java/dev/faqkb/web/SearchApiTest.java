package dev.faqkb.web;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.faqkb.TestContent;
import dev.faqkb.site.SearchTurns;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.FaqkbProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/search} and {@code /api/suggest} alone, over a small site with more matches
 * than any page holds: the parameters, their limits and the 400s. Security is left out
 * (both are public GETs), and so are the features that watch requests (feedback,
 * insights).
 */
@WebMvcTest(controllers = { SearchApiController.class, SuggestApiController.class },
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.faqkb\\.(feedback|insights)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import({ SnapshotStore.class, PageCache.class, SearchTurns.class, ApiReplies.class })
@EnableConfigurationProperties(FaqkbProperties.class)
@TestContent.Folder
class SearchApiTest {

	/** Questions with "plugin": 60 in {@code plugins}, 2 in {@code general}. */
	private static final int PLUGIN_QUESTIONS = 62;

	@TestContent.Setup
	static void content(TestContent content) {
		content.category("general", "General", """

				## What is the largest deployment? {#largest}

				Ten thousand users, with one plugin for single sign-on.

				## Can I write my own plugin? {#own-plugin}

				Yes, with the plugin kit.
				""");
		StringBuilder plugins = new StringBuilder("\n");
		for (int i = 1; i <= 60; i++) {
			plugins.append("## How do I enable plugin ")
				.append(i)
				.append("? {#plugin-")
				.append(i)
				.append("}\n\nSwitch plugin ")
				.append(i)
				.append(" on in the console.\n\n");
		}
		content.category("plugins", "Plugins", plugins.toString());
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void limitDefaultsToTenAndIsCappedAtFiftyWhileTheTotalCountsEveryMatch() {
		assertThat(mvc.get().uri("/api/search").param("q", "plugin")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results.length()", v -> v.assertThat().isEqualTo(10))
			.hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(PLUGIN_QUESTIONS));
		assertThat(mvc.get().uri("/api/search").param("q", "plugin").param("limit", "1000")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results.length()", v -> v.assertThat().isEqualTo(50))
			.hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(PLUGIN_QUESTIONS));
		assertThat(mvc.get().uri("/api/search").param("q", "plugin").param("limit", "1")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results.length()", v -> v.assertThat().isEqualTo(1));
	}

	@Test
	void offsetSkipsResultsAndKeepsTheTotal() throws Exception {
		List<String> first = ids(mvc.get().uri("/api/search").param("q", "plugin").param("limit", "5"));
		List<String> second = ids(
				mvc.get().uri("/api/search").param("q", "plugin").param("limit", "5").param("offset", "5"));

		assertThat(first).hasSize(5).doesNotContainAnyElementsOf(second);
		assertThat(second).hasSize(5);
		assertThat(mvc.get().uri("/api/search").param("q", "plugin").param("offset", "60")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.offset", v -> v.assertThat().isEqualTo(60))
			.hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(PLUGIN_QUESTIONS))
			.hasPathSatisfying("$.results.length()", v -> v.assertThat().isEqualTo(2));
		assertThat(mvc.get().uri("/api/search").param("q", "plugin").param("offset", "1000")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.results.length()", v -> v.assertThat().isEqualTo(0));
	}

	@Test
	void categoryFiltersTheResultsWhileTheFacetsCountTheWholeQuery() {
		assertThat(mvc.get().uri("/api/search").param("q", "plugin").param("category", "general")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(2))
			.hasPathSatisfying("$.results[*].category", v -> v.assertThat().asArray().containsOnly("general"))
			.hasPathSatisfying("$.facets", v -> v.assertThat().asArray().hasSize(2))
			.hasPathSatisfying("$.facets[0]",
					v -> v.assertThat()
						.asMap()
						.containsEntry("category", "plugins")
						.containsEntry("title", "Plugins")
						.containsEntry("count", 60))
			.hasPathSatisfying("$.facets[1]",
					v -> v.assertThat()
						.asMap()
						.containsEntry("category", "general")
						.containsEntry("title", "General")
						.containsEntry("count", 2));
	}

	@Test
	void anUnknownCategoryFindsNothing() {
		assertThat(mvc.get().uri("/api/search").param("q", "plugin").param("category", "other")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(0))
			.hasPathSatisfying("$.results", v -> v.assertThat().asArray().isEmpty());
	}

	@Test
	void blankQueryFindsNothing() {
		assertThat(mvc.get().uri("/api/search").param("q", "   ")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(0))
			.hasPathSatisfying("$.results", v -> v.assertThat().asArray().isEmpty());
	}

	@Test
	void overlongQueryIsA400WithAMessage() {
		for (String api : List.of("/api/search", "/api/suggest")) {
			assertThat(mvc.get().uri(api).param("q", "a".repeat(257))).as(api)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.error")
				.isEqualTo("q is too long: at most 256 characters");
			assertThat(mvc.get().uri(api).param("q", "a".repeat(256))).as(api).hasStatusOk();
		}
	}

	@Test
	void badLimitIsA400WithAMessage() {
		assertThat(mvc.get().uri("/api/search").param("q", "x").param("limit", "many"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("'limit' has an invalid value");
		assertThat(mvc.get().uri("/api/search").param("q", "x").param("limit", "0")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("limit must be at least 1");
	}

	@Test
	void badOffsetIsA400WithAMessage() {
		for (String offset : List.of("-1", "1001")) {
			assertThat(mvc.get().uri("/api/search").param("q", "x").param("offset", offset)).as(offset)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson()
				.extractingPath("$.error")
				.isEqualTo("offset must be between 0 and 1000");
		}
		assertThat(mvc.get().uri("/api/search").param("q", "x").param("offset", "x")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("'offset' has an invalid value");
	}

	@Test
	void suggestGivesAtMostEightQuestionsForAnUnfinishedWord() {
		assertThat(mvc.get().uri("/api/suggest").param("q", "largest depl")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.query", v -> v.assertThat().isEqualTo("largest depl"))
			.hasPathSatisfying("$.suggestions[0].question",
					v -> v.assertThat().isEqualTo("What is the largest deployment?"))
			.hasPathSatisfying("$.suggestions[0].category", v -> v.assertThat().isEqualTo("general"))
			.hasPathSatisfying("$.suggestions[0].url", v -> v.assertThat().isEqualTo("/faq/general/largest"));
		// 62 questions have a word starting with "plug".
		assertThat(mvc.get().uri("/api/suggest").param("q", "plug")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.suggestions.length()", v -> v.assertThat().isEqualTo(8));
		assertThat(mvc.get().uri("/api/suggest").param("q", "")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.suggestions", v -> v.assertThat().asArray().isEmpty());
	}

	@Test
	void suggestionsMayBeCachedForAMinute() {
		assertThat(mvc.get().uri("/api/suggest").param("q", "plug")).hasStatusOk()
			.hasHeader("Cache-Control", "max-age=60");
	}

	private static List<String> ids(MockMvcTester.MockMvcRequestBuilder request) throws Exception {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatusOk();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.results[*].id");
	}

}
