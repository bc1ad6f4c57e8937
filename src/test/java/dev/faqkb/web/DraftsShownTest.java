package dev.faqkb.web;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code faqkb.content.show-drafts=true}, as on a preview server: drafts are served,
 * marked as drafts.
 */
@FaqkbWebTest(properties = "faqkb.content.show-drafts=true")
class DraftsShownTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.drafts();
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void draftQuestionIsServedWithADraftBadge() {
		assertThat(mvc.get().uri("/faq/general/secret")).hasStatusOk()
			.bodyText()
			.contains("A draft answer.", "<p class=\"draft-badge\">Draft</p>");
	}

	@Test
	void draftQuestionIsMarkedOnItsCategoryPage() {
		assertThat(mvc.get().uri("/faq/general")).hasStatusOk()
			.bodyText()
			.containsPattern("Not ready yet</span>\\s*<span class=\"draft-badge\">Draft</span>")
			.containsPattern("Coming later</span>\\s*<span class=\"draft-badge\">Draft</span>")
			.doesNotContainPattern("How do I install it\\?</span>\\s*<span class=\"draft-badge\">")
			.doesNotContain("<p class=\"draft-badge\">");
	}

	@Test
	void publishedQuestionHasNoBadge() {
		assertThat(mvc.get().uri("/faq/general/install")).hasStatusOk().bodyText().doesNotContain("draft-badge");
	}

	@Test
	void draftCategoryIsServedWithADraftBadge() {
		assertThat(mvc.get().uri("/faq/upcoming")).hasStatusOk()
			.bodyText()
			.contains("<p class=\"draft-badge\">Draft</p>");
		assertThat(mvc.get().uri("/faq/upcoming/ready")).hasStatusOk()
			.bodyText()
			.contains("<p class=\"draft-badge\">Draft</p>");
	}

}
