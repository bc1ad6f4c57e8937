package dev.faqkb.browser;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pasted link to an old anchor ({@code /faq/setup#old-id}) reaches the answer's current
 * place, through the category's redirects and {@code js/redirects.js}, which only the
 * browser runs.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnchorRedirectBrowserTest extends BrowserTestBase {

	@TestContent.Setup
	static void content(TestContent content) {
		content.file("setup.md", """
				---
				title: Setup
				redirects:
				  install-guide: install
				  ports: network#ports
				---

				## How do I install it? {#install}

				Run the installer.

				## How do I upgrade? {#upgrade}

				Run the installer again.
				""");
		content.file("network.md", """
				---
				title: Network
				---

				## Which ports are used? {#ports}

				80 and 443.
				""");
	}

	@Test
	void anOldAnchorOnTheSamePageBecomesTheCurrentOne() {
		browser.viewport(1280).open("/faq/setup#install-guide");
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("/faq/setup#install"));
		assertThat(browser.js("return document.querySelector(':target').id")).isEqualTo("install");
	}

	@Test
	void anOldAnchorOfAQuestionThatMovedOpensItsNewCategory() {
		browser.viewport(1280).open("/faq/setup#ports");
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("/faq/network#ports"));
		assertThat(browser.js("return document.querySelector(':target').id")).isEqualTo("ports");
	}

	@Test
	void aCurrentAnchorIsLeftAlone() {
		browser.viewport(1280).open("/faq/setup#upgrade");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/faq/setup#upgrade");
	}

}
