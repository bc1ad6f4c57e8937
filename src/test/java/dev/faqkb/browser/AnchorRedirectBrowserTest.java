package dev.faqkb.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pasted link to an old anchor ({@code /faq/setup#old-id}) reaches the answer's current place, through the
 * category's redirects and {@code js/redirects.js}, which only the browser runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "faqkb.content.watch=false")
class AnchorRedirectBrowserTest extends BrowserTestBase {

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("faqkb-anchors");
		dir.toFile().deleteOnExit();
		write(dir, "setup.md", """
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
		write(dir, "network.md", """
				---
				title: Network
				---

				## Which ports are used? {#ports}

				80 and 443.
				""");
		registry.add("faqkb.content-dir", dir::toString);
	}

	private static void write(Path dir, String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, text);
		file.toFile().deleteOnExit();
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
