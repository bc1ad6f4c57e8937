package dev.faqkb.content;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site without {@code site.yml} is titled after its content folder, as an author who
 * named the folder would expect, and "FAQ" when the folder's name says nothing.
 */
class SiteTitleTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({ "python-faq, Python FAQ", "acme_help, Acme Help", "Support.Centre, Support Centre", "content, FAQ",
			"docs, FAQ", "faq, FAQ", "2024, FAQ" })
	void titleWithoutSiteYmlComesFromTheFolderName(String folder, String title) {
		assertThat(SiteFile.defaultTitle(dir.resolve(folder))).isEqualTo(title);
	}

	@Test
	void aContentFolderWithoutSiteYmlIsTitledAfterIt() {
		Catalog catalog = new ContentFixture(dir.resolve("python-faq"))
			.category("general", "General", "## Why?\n\nBecause.\n")
			.load();
		assertThat(catalog.site().title()).isEqualTo("Python FAQ");
	}

	@Test
	void siteYmlWithoutATitleStillGetsTheFolderName() {
		Catalog catalog = new ContentFixture(dir.resolve("python-faq")).file("site.yml", "description: Answers\n")
			.category("general", "General", "## Why?\n\nBecause.\n")
			.load();
		assertThat(catalog.site().title()).isEqualTo("Python FAQ");
		assertThat(catalog.site().description()).isEqualTo("Answers");
	}

}
