package dev.faqkb.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code faqkb.content.show-drafts=true}, as on a preview server: drafts are served, marked as drafts.
 */
@SpringBootTest(properties = { "faqkb.content.watch=false", "faqkb.content.show-drafts=true" })
@AutoConfigureMockMvc
class DraftsShownTest {

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("faqkb-drafts");
		dir.toFile().deleteOnExit();
		FaqAuthoringPagesTest.write(dir, "general.md", """
				---
				title: General
				---

				## How do I install it? {#install}

				Run the installer.

				## Not ready yet {#secret .draft}

				A draft answer.
				""");
		FaqAuthoringPagesTest.write(dir, "upcoming.md", """
				---
				title: Upcoming
				draft: true
				---

				## Is it ready? {#ready}

				Not yet.
				""");
		registry.add("faqkb.content-dir", dir::toString);
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
			.containsOnlyOnce("<span class=\"draft-badge\">Draft</span>")
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
