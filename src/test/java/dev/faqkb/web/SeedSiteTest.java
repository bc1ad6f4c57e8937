package dev.faqkb.web;

import java.util.List;

import dev.faqkb.content.Question;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo site as a reader sees it: the seed FAQ in {@code content/}.
 */
@SpringBootTest(properties = "faqkb.content.watch=false")
@AutoConfigureMockMvc
class SeedSiteTest {

	private static final String LARGEST = "whats-the-largest-mattermost-deployment-you-have";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SnapshotStore store;

	private List<Question> seedQuestions() {
		return store.current().catalog().category("general").orElseThrow().questions();
	}

	@Test
	void seedHasAllSevenQuestions() {
		assertThat(seedQuestions()).extracting(Question::text)
			.containsExactly("Why was Mattermost created?",
					"Why does the open source repository contain code specific to the commercial version of Mattermost?",
					"Does Mattermost support 508 Compliance?", "What's the largest Mattermost deployment you have?",
					"How do I deploy the open source Mattermost Team Edition under an MIT license?",
					"What are the limitations for embargoed countries?",
					"How do I report illicit use of Mattermost software?");
	}

	@Test
	void homeShowsSiteTitleSearchBoxAndEveryQuestion() {
		var home = assertThat(mvc.get().uri("/")).hasStatusOk().bodyText();
		home.contains("<h1>Mattermost FAQ</h1>").contains("role=\"search\"").contains("name=\"q\"");
		seedQuestions().forEach(question -> home.contains("href=\"" + question.url() + "\""));
	}

	@Test
	void categoryPageHasAnAnchorAndOwnPageLinkForEveryQuestion() {
		var page = assertThat(mvc.get().uri("/faq/general")).hasStatusOk().bodyText();
		page.contains("<h1>General</h1>").contains("<link rel=\"canonical\" href=\"http://localhost:8080/faq/general\">");
		for (Question question : seedQuestions()) {
			page.contains("id=\"" + question.id() + "\"")
				.contains("href=\"#" + question.id() + "\"")
				.contains("href=\"" + question.url() + "\"");
		}
	}

	@Test
	void everySeedQuestionHasItsOwnPage() {
		for (Question question : seedQuestions()) {
			assertThat(mvc.get().uri(question.url())).hasStatusOk()
				.bodyText()
				.contains("<link rel=\"canonical\" href=\"http://localhost:8080" + question.url() + "\">")
				.contains("href=\"" + question.anchorUrl() + "\"")
				.contains("aria-label=\"Breadcrumb\"");
		}
	}

	@Test
	void questionPageLinksToPreviousAndNextInTheCategory() {
		assertThat(mvc.get().uri("/faq/general/" + LARGEST)).hasStatusOk()
			.bodyText()
			.contains("rel=\"prev\" href=\"/faq/general/does-mattermost-support-508-compliance\"")
			.contains("rel=\"next\" href=\"/faq/general/how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license\"")
			.contains("Our largest contractual obligation");
	}

	@Test
	void crossReferencesToOtherDocsBecomeOrdinaryLinksKeepingTheirText() {
		assertThat(mvc.get().uri("/faq/general/does-mattermost-support-508-compliance")).hasStatusOk()
			.bodyText()
			.containsPattern("<a href=\"https://docs\\.mattermost\\.com/[^\"]*accessibility-compliance-policy[^\"]*\">accessibility compliance policy</a>");
	}

	@Test
	void searchingLargestDeploymentPutsThatQuestionFirstOnThePage() {
		assertThat(mvc.get().uri("/search").param("q", "largest deployment")).hasStatusOk()
			.bodyText()
			.containsPattern("(?s)<ol class=\"results\"[^>]*>\\s*<li[^>]*>\\s*<h2><a href=\"/search/opened/\\d+/general/" + LARGEST + "\\?hl=")
			.contains("value=\"largest deployment\"");
	}

	@Test
	void searchingLargestDeploymentPutsThatQuestionFirstInTheApi() {
		var json = assertThat(mvc.get().uri("/api/search").param("q", "largest deployment")).hasStatusOk().bodyJson();
		json.extractingPath("$.query").isEqualTo("largest deployment");
		json.extractingPath("$.results[0].id").isEqualTo(LARGEST);
		json.extractingPath("$.results[0].category").isEqualTo("general");
		json.extractingPath("$.results[0].categoryTitle").isEqualTo("General");
		json.extractingPath("$.results[0].url").isEqualTo("/faq/general/" + LARGEST);
		json.extractingPath("$.results[0].anchorUrl").isEqualTo("/faq/general#" + LARGEST);
		json.extractingPath("$.results[0].snippet").asString().contains("<mark>largest</mark>");
	}

	@Test
	void scriptInTheQueryIsShownEscaped() {
		assertThat(mvc.get().uri("/search").param("q", "<script>alert(1)</script>")).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(mvc.get().uri("/api/search").param("q", "<script>alert(1)</script>")).hasStatusOk();
	}

	@Test
	void unbalancedSyntaxAndPunctuationAreOrdinaryQueries() {
		for (String query : List.of("\"unbalanced (", "title:", "-", "*", "a AND (b OR", "[]{}^~\\/", "!".repeat(250),
				"?*:\"()[]{}<>".repeat(20))) {
			assertThat(mvc.get().uri("/search").param("q", query)).hasStatusOk();
			assertThat(mvc.get().uri("/api/search").param("q", query)).hasStatusOk();
		}
		assertThat(mvc.get().uri("/search").param("q", "\"unbalanced (")).bodyText().contains("value=\"&quot;unbalanced (\"");
	}

	@Test
	void searchWithoutResultsSaysSoHelpfully() {
		assertThat(mvc.get().uri("/search").param("q", "zzqxv")).hasStatusOk()
			.bodyText()
			.contains("0 results")
			.contains("No answers match your search")
			.contains("href=\"/faq/general\"");
	}

	@Test
	void searchCanBeLimitedToACategory() {
		assertThat(mvc.get().uri("/api/search").param("q", "deployment").param("category", "general")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.asNumber()
			.isNotEqualTo(0);
		assertThat(mvc.get().uri("/api/search").param("q", "deployment").param("category", "other")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(0);
	}

	@Test
	void blankQueryFindsNothing() {
		var json = assertThat(mvc.get().uri("/api/search").param("q", "   ")).hasStatusOk().bodyJson();
		json.extractingPath("$.total").isEqualTo(0);
		json.extractingPath("$.results").asArray().isEmpty();
	}

	@Test
	void apiLimitDefaultsToTenAndIsCappedAtFifty() {
		assertThat(mvc.get().uri("/api/search").param("q", "mattermost")).bodyJson()
			.extractingPath("$.results")
			.asArray()
			.hasSizeBetween(1, 10);
		assertThat(mvc.get().uri("/api/search").param("q", "mattermost").param("limit", "1")).bodyJson()
			.extractingPath("$.results")
			.asArray()
			.hasSize(1);
		assertThat(mvc.get().uri("/api/search").param("q", "mattermost").param("limit", "1000")).hasStatusOk();
	}

	@Test
	void overlongQueryIsA400WithAMessage() {
		String query = "a".repeat(257);
		assertThat(mvc.get().uri("/api/search").param("q", query)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("at most 256 characters");
		assertThat(mvc.get().uri("/search").param("q", query)).hasStatus(400).bodyText().contains("at most 256 characters");
		assertThat(mvc.get().uri("/api/search").param("q", "a".repeat(256))).hasStatusOk();
	}

	@Test
	void badLimitIsA400WithAMessage() {
		assertThat(mvc.get().uri("/api/search").param("q", "x").param("limit", "many")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("'limit' has an invalid value");
		assertThat(mvc.get().uri("/api/search").param("q", "x").param("limit", "0")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("limit must be at least 1");
	}

	@Test
	void unknownCategoryGets404PageWithSearchBox() {
		assertThat(mvc.get().uri("/faq/nope").accept(MediaType.TEXT_HTML)).hasStatus(404)
			.bodyText()
			.contains("No category &#39;nope&#39;")
			.contains("role=\"search\"");
	}

	@Test
	void unknownQuestionGets404WithNearestQuestions() {
		assertThat(mvc.get().uri("/faq/general/largest-deployment").accept(MediaType.TEXT_HTML)).hasStatus(404)
			.bodyText()
			.contains("Were you looking for one of these?")
			.contains("href=\"/faq/general/" + LARGEST + "\"")
			.contains("role=\"search\"");
	}

	@Test
	void unknownAddressUnderApiGetsJson404() {
		assertThat(mvc.get().uri("/api/nothing")).hasStatus(404)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("There is no page at this address.");
	}

	@Test
	void healthIsUp() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
	}

	@Test
	void pagesLoadNothingFromOtherSites() {
		for (String uri : List.of("/", "/faq/general", "/faq/general/" + LARGEST, "/search?q=license")) {
			assertThat(mvc.get().uri(uri)).hasStatusOk()
				.bodyText()
				.doesNotContainPattern("<(script|img|iframe|video|audio|source)[^>]+src=\"(https?:)?//")
				.doesNotContainPattern("<link(?![^>]*rel=\"canonical\")[^>]+href=\"(https?:)?//");
		}
	}

}
