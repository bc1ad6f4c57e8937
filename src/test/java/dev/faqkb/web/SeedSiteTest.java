package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo site as a reader browses it: the seed FAQ in {@code content/}. Searching it is
 * {@link SearchWebTest}; error pages in general are {@code system.ErrorPagesTest}.
 */
@FaqkbWebTest
class SeedSiteTest {

	private static final String LARGEST = "whats-the-largest-mattermost-deployment-you-have";

	/** The seven questions of {@code content/general.md}, in order. */
	private static final List<SeedQuestion> SEED = List
		.of(new SeedQuestion("why-was-mattermost-created", "Why was Mattermost created?"), new SeedQuestion(
				"why-does-the-open-source-repository-contain-code-specific-to-the-commercial-version-of-mattermost",
				"Why does the open source repository contain code specific to the commercial version of Mattermost?"),
				new SeedQuestion("does-mattermost-support-508-compliance", "Does Mattermost support 508 Compliance?"),
				new SeedQuestion(LARGEST, "What's the largest Mattermost deployment you have?"),
				new SeedQuestion("how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license",
						"How do I deploy the open source Mattermost Team Edition under an MIT license?"),
				new SeedQuestion("what-are-the-limitations-for-embargoed-countries",
						"What are the limitations for embargoed countries?"),
				new SeedQuestion("how-do-i-report-illicit-use-of-mattermost-software",
						"How do I report illicit use of Mattermost software?"));

	private static final Pattern QUESTION_TITLE = Pattern
		.compile("<h3 class=\"question-title\" id=\"([^\"]+)\">\\s*<span>([^<]+)</span>");

	@TestContent.Setup
	static void content(TestContent content) {
		content.copyOf(Path.of("content"));
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void seedHasAllSevenQuestions() throws Exception {
		MvcTestResult result = mvc.get().uri("/faq/general").exchange();
		assertThat(result).hasStatusOk();
		String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(QUESTION_TITLE.matcher(page)
			.results()
			.map(title -> new SeedQuestion(title.group(1), HtmlUtils.htmlUnescape(title.group(2))))
			.toList()).containsExactlyElementsOf(SEED);
	}

	@Test
	void homeShowsSiteTitleSearchBoxAndTheCategoryAsACardWithItsFirstQuestions() {
		var home = assertThat(mvc.get().uri("/")).hasStatusOk().bodyText();
		home.contains("<h1>Mattermost FAQ</h1>")
			.contains("role=\"search\"")
			.contains("name=\"q\"")
			.contains("<h3 class=\"card-title\"><a href=\"/faq/general\">General</a></h3>")
			.contains("<p class=\"card-count\">7 questions</p>");
		SEED.subList(0, 4).forEach(question -> home.contains("href=\"" + question.url() + "\""));
		home.contains("All 7 questions");
	}

	@Test
	void homeLeadsWithItsOneSearchBoxUnderTheHeading() throws Exception {
		String home = mvc.get().uri("/").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(Pattern.compile("role=\"search\"").matcher(home).results().count()).as("search boxes").isEqualTo(1);
		assertThat(home)
			.containsPattern("(?s)<div class=\"home-hero\">\\s*<h1>Mattermost FAQ</h1>\\s*<form class=\"search-box\"");
		assertThat(mvc.get().uri("/faq/general")).bodyText()
			.as("other pages keep the header's box")
			.containsPattern("(?s)<header class=\"site-header\">.*role=\"search\".*</header>");
	}

	@Test
	void categoryPageHasAnAnchorAndOwnPageLinkForEveryQuestion() {
		var page = assertThat(mvc.get().uri("/faq/general")).hasStatusOk().bodyText();
		page.contains("<h1>General</h1>")
			.contains("<link rel=\"canonical\" href=\"http://localhost:8080/faq/general\">");
		for (SeedQuestion question : SEED) {
			page.contains("id=\"" + question.id() + "\"")
				.contains("href=\"#" + question.id() + "\"")
				.contains("href=\"" + question.url() + "\"");
		}
	}

	@Test
	void everySeedQuestionHasItsOwnPage() {
		for (SeedQuestion question : SEED) {
			assertThat(mvc.get().uri(question.url())).hasStatusOk()
				.bodyText()
				.contains("<h1>" + HtmlUtils.htmlEscape(question.text()) + "</h1>")
				.contains("<link rel=\"canonical\" href=\"http://localhost:8080" + question.url() + "\">")
				.contains("href=\"/faq/general#" + question.id() + "\"")
				.contains("aria-label=\"Breadcrumb\"");
		}
	}

	@Test
	void questionPageLinksToPreviousAndNextInTheCategory() {
		assertThat(mvc.get().uri("/faq/general/" + LARGEST)).hasStatusOk()
			.bodyText()
			.contains("rel=\"prev\" href=\"/faq/general/does-mattermost-support-508-compliance\"")
			.contains(
					"rel=\"next\" href=\"/faq/general/how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license\"")
			.contains("Our largest contractual obligation");
	}

	@Test
	void crossReferencesToOtherDocsBecomeOrdinaryLinksKeepingTheirText() {
		assertThat(mvc.get().uri("/faq/general/does-mattermost-support-508-compliance")).hasStatusOk()
			.bodyText()
			.containsPattern(
					"<a href=\"https://docs\\.mattermost\\.com/[^\"]*accessibility-compliance-policy[^\"]*\">accessibility compliance policy</a>");
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
	void healthIsUp() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
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

	private record SeedQuestion(String id, String text) {

		String url() {
			return "/faq/general/" + id;
		}

	}

}
