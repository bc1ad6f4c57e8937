package dev.faqkb.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirected ids, drafts (hidden, the default) and dates, as readers see them.
 */
@FaqkbWebTest
class FaqAuthoringPagesTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.drafts();
		content.file("setup.md", """
				---
				title: Setup
				updated: 2024-05-31
				redirects:
				  old-ports: ports
				  moved-away: general#install
				---

				## Which ports? {#ports}

				80 and 443.
				""");
		content.category("account", "Account", """

				## How do I sign in? {#sign-in}

				Over HTTPS; see [the ports](setup.md#old-ports).
				""");
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void redirectedIdAnswers301ToTheCurrentQuestion() {
		assertThat(mvc.get().uri("/faq/setup/old-ports")).hasStatus(HttpStatus.MOVED_PERMANENTLY)
			.hasHeader("Location", "/faq/setup/ports");
	}

	@Test
	void idMovedToAnotherCategoryAnswers301ToItsNewPage() {
		assertThat(mvc.get().uri("/faq/setup/moved-away")).hasStatus(HttpStatus.MOVED_PERMANENTLY)
			.hasHeader("Location", "/faq/general/install");
	}

	@Test
	void categoryPageGivesTheRedirectScriptItsMapAsJson() throws Exception {
		String page = mvc.get().uri("/faq/setup").exchange().getResponse().getContentAsString();
		Matcher script = Pattern.compile("<script type=\"application/json\" id=\"faq-redirects\">(.*?)</script>")
			.matcher(page);
		assertThat(script.find()).as("the redirect map in %s", page).isTrue();
		assertThat(JsonMapper.shared().readValue(script.group(1), Map.class))
			.isEqualTo(Map.of("old-ports", "/faq/setup#ports", "moved-away", "/faq/general#install"));
		assertThat(page).containsPattern("<script src=\"/js/redirects-[0-9a-f]{32}\\.js\" defer></script>");
	}

	@Test
	void categoryWithoutRedirectsHasNoRedirectMap() {
		assertThat(mvc.get().uri("/faq/account")).hasStatusOk().bodyText().doesNotContain("faq-redirects");
	}

	@Test
	void redirectScriptIsServed() {
		assertThat(mvc.get().uri("/js/redirects.js")).hasStatusOk()
			.bodyText()
			.contains("getElementById('faq-redirects')", "location.replace");
	}

	@Test
	void linkToAnOldIdLeadsToTheCurrentQuestion() {
		assertThat(mvc.get().uri("/faq/account/sign-in")).hasStatusOk()
			.bodyText()
			.contains("<a href=\"/faq/setup#ports\">the ports</a>");
	}

	@Test
	void questionPageShowsWhenItsCategoryWasLastUpdated() {
		assertThat(mvc.get().uri("/faq/setup/ports")).hasStatusOk()
			.bodyText()
			.contains("Last updated <time datetime=\"2024-05-31\">31 May 2024</time>");
	}

	@Test
	void questionPageWithoutADateShowsNone() {
		assertThat(mvc.get().uri("/faq/general/install")).hasStatusOk()
			.bodyText()
			.doesNotContain("Last updated")
			.doesNotContain("draft-badge");
	}

	@Test
	void draftQuestionIsNotServed() {
		assertThat(mvc.get().uri("/faq/general/secret")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/faq/general")).hasStatusOk().bodyText().doesNotContain("A draft answer");
	}

	@Test
	void draftMarkedWithoutAnIdIsNotServed() {
		assertThat(mvc.get().uri("/faq/general/coming-later")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/faq/general")).hasStatusOk().bodyText().doesNotContain("Coming later");
	}

	@Test
	void draftCategoryIsNotServed() {
		assertThat(mvc.get().uri("/faq/upcoming")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/faq/upcoming/ready")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
