package dev.faqkb.web;

import java.time.Instant;
import java.time.ZoneOffset;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A content folder kept in git with an {@code editUrl}: "Edit this page" on category and
 * answer pages, and each answer's date of last change from git on its page, in the
 * sitemap and in its JSON-LD.
 */
@FaqkbWebTest
class EditLinkAndDatesTest {

	static final String BASE = "https://faq.example.com";

	@TestContent.Setup
	static void content(TestContent content) throws Exception {
		content
			.site("title: Dated FAQ\nbaseUrl: " + BASE + "\neditUrl: https://github.com/org/faq/edit/main/content/\n")
			.category("general", "General", """

					## Install? {#install}

					Run the installer.

					## Ports? {#ports}

					80 and 443.
					""");
		try (Git git = Git.init().setDirectory(content.dir().toFile()).setInitialBranch("main").call()) {
			commit(git, "2024-03-03T10:00:00Z");
			content.category("general", "General", """

					## Install? {#install}

					Run the installer.

					## Ports? {#ports}

					80, 443 and 8065.
					""");
			commit(git, "2025-06-15T09:00:00Z");
		}
	}

	private static void commit(Git git, String when) throws Exception {
		PersonIdent author = new PersonIdent("Author", "author@example.com", Instant.parse(when), ZoneOffset.UTC);
		git.add().addFilepattern(".").call();
		git.commit().setMessage("Content").setAuthor(author).setCommitter(author).setSign(false).call();
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void answerAndCategoryPagesLinkToTheFileToEdit() {
		String link = "<a class=\"edit-link\" href=\"https://github.com/org/faq/edit/main/content/general.md\" "
				+ "rel=\"nofollow\">Edit this page</a>";
		assertThat(mvc.get().uri("/faq/general/install")).hasStatusOk().bodyText().contains(link);
		assertThat(mvc.get().uri("/faq/general")).hasStatusOk().bodyText().contains(link);
	}

	@Test
	void eachAnswerPageShowsWhenItsOwnLinesLastChanged() {
		assertThat(mvc.get().uri("/faq/general/install")).bodyText()
			.contains("Last updated <time datetime=\"2024-03-03\">3 March 2024</time>")
			.contains("\"dateModified\":\"2024-03-03\"");
		assertThat(mvc.get().uri("/faq/general/ports")).bodyText()
			.contains("Last updated <time datetime=\"2025-06-15\">15 June 2025</time>")
			.contains("\"dateModified\":\"2025-06-15\"");
	}

	@Test
	void theSitemapGivesEachAnswerItsDateAndTheCategoryItsLatest() {
		assertThat(mvc.get().uri("/sitemap.xml")).bodyText()
			.contains("<url><loc>" + BASE + "/faq/general</loc><lastmod>2025-06-15</lastmod></url>")
			.contains("<url><loc>" + BASE + "/faq/general/install</loc><lastmod>2024-03-03</lastmod></url>")
			.contains("<url><loc>" + BASE + "/faq/general/ports</loc><lastmod>2025-06-15</lastmod></url>");
	}

}
