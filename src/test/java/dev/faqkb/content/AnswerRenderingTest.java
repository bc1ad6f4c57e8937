package dev.faqkb.content;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers as the loader renders them: links stay links, and headings inside answers get
 * ids unique in the file.
 */
class AnswerRenderingTest {

	@TempDir
	Path dir;

	@Test
	void linksInAnswersAreRenderedAsLinks() {
		Catalog catalog = new ContentFixture(dir).category("general", "General", """

				## Where is the code? {#code}

				On [GitHub](https://github.com/example), at https://example.org, see also [ports](#ports).

				## Which ports? {#ports}

				80.
				""").load();
		assertThat(catalog.question("general", "code").orElseThrow().answerHtml()).isEqualTo(
				"<p>On <a href=\"https://github.com/example\">GitHub</a>, at <a href=\"https://example.org\">https://example.org</a>,"
						+ " see also <a href=\"/faq/general#ports\">ports</a>.</p>\n");
	}

	@Test
	void headingsInAnswersGetIdsUniqueInTheFile() {
		Catalog catalog = new ContentFixture(dir).category("general", "General", """

				## Install

				### Example

				One.

				## Upgrade

				### Example

				Two.
				""").load();
		assertThat(catalog.question("general", "install").orElseThrow().answerHtml()).contains("<h3 id=\"example\">");
		assertThat(catalog.question("general", "upgrade").orElseThrow().answerHtml()).contains("<h3 id=\"example-1\">");
	}

}
