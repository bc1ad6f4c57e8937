package dev.faqkb.insights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers in the reports link to where they are now, built by the content's own records.
 */
class InsightsAnswerLinksTest {

	@Test
	void anAnswerLinksToItsPageAnOldIdToWhereItMovedAndARemovedAnswerNowhere(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("help.md"), """
				---
				title: Help
				redirects:
				  old-export: export
				---

				## Can I export my data? {#export}

				Yes, from the account page.
				""");
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(dir);

		assertThat(InsightsQueries.answerUrl(catalog, "help", "export")).isEqualTo("/faq/help/export");
		assertThat(InsightsQueries.answerUrl(catalog, "help", "old-export")).isEqualTo("/faq/help/export");
		assertThat(InsightsQueries.answerUrl(catalog, "help", "deleted")).isNull();
		assertThat(InsightsQueries.answerUrl(catalog, "gone", "export")).isNull();
	}

}
