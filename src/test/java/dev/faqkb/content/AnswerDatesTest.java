package dev.faqkb.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.faqkb.TestContent;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Last updated" per answer from git: the date of the last commit that changed the
 * answer's lines, when the content folder is in a git work tree; the category's
 * {@code updated} otherwise.
 */
class AnswerDatesTest {

	@TempDir
	Path repository;

	private static final String FIRST = """
			---
			title: General
			updated: 2020-01-01
			---

			## Install? {#install}

			Run the installer.

			## Ports? {#ports}

			80 and 443.

			## Backups? {#backups}

			Nightly.
			""";

	/**
	 * The content folder {@code content/} of a git repository, its file committed on
	 * 2024-03-03.
	 */
	private Path committedContent() throws GitAPIException, IOException {
		Path content = repository.resolve("content");
		TestContent.in(content).file("general.md", FIRST).file("site.yml", "title: Dated FAQ\n");
		try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
			commit(git, "2024-03-03T10:00:00Z");
		}
		return content;
	}

	private static void commit(Git git, String when) throws GitAPIException {
		PersonIdent author = new PersonIdent("Author", "author@example.com", Instant.parse(when), ZoneOffset.UTC);
		git.add().addFilepattern(".").call();
		git.commit().setMessage("Content at " + when).setAuthor(author).setCommitter(author).setSign(false).call();
	}

	private static Catalog load(Path content) {
		return new ContentLoader(new MarkdownRenderer(), false).load(content);
	}

	private static LocalDate updated(Catalog catalog, String id) {
		return catalog.updated(catalog.question("general", id).orElseThrow()).orElseThrow();
	}

	@Test
	void eachAnswerHasTheDateOfTheLastCommitThatChangedItsLines() throws Exception {
		Path content = committedContent();
		try (Git git = Git.open(repository.toFile())) {
			TestContent.in(content).file("general.md", FIRST.replace("80 and 443.", "80, 443 and 8065."));
			commit(git, "2025-06-15T22:30:00Z");
		}
		Catalog catalog = load(content);
		assertThat(updated(catalog, "install")).isEqualTo(LocalDate.of(2024, 3, 3));
		assertThat(updated(catalog, "ports")).isEqualTo(LocalDate.of(2025, 6, 15));
		assertThat(updated(catalog, "backups")).isEqualTo(LocalDate.of(2024, 3, 3));
		assertThat(catalog.updated(catalog.category("general").orElseThrow())).contains(LocalDate.of(2025, 6, 15));
	}

	@Test
	void anAnswerChangedButNotCommittedHasTheDateOfItsFile() throws Exception {
		Path content = committedContent();
		TestContent.in(content).file("general.md", FIRST.replace("Nightly.", "Nightly, kept a week."));
		Files.setLastModifiedTime(content.resolve("general.md"),
				java.nio.file.attribute.FileTime.from(Instant.parse("2025-12-24T08:00:00Z")));
		Catalog catalog = load(content);
		assertThat(updated(catalog, "backups")).isEqualTo(LocalDate.of(2025, 12, 24));
		assertThat(updated(catalog, "install")).isEqualTo(LocalDate.of(2024, 3, 3));
	}

	@Test
	void aFileNotCommittedYetHasTheDateOfTheFile() throws Exception {
		Path content = committedContent();
		TestContent.in(content).category("billing", "Billing", "\n## Cards? {#cards}\n\nVisa.\n");
		Files.setLastModifiedTime(content.resolve("billing.md"),
				java.nio.file.attribute.FileTime.from(Instant.parse("2025-02-01T08:00:00Z")));
		Catalog catalog = load(content);
		assertThat(catalog.updated(catalog.question("billing", "cards").orElseThrow()))
			.contains(LocalDate.of(2025, 2, 1));
	}

	@Test
	void outsideAGitWorkTreeAnAnswerHasItsCategorysDate() {
		Path content = repository.resolve("plain");
		TestContent.in(content)
			.file("general.md", FIRST)
			.category("billing", "Billing", "\n## Cards? {#cards}\n\nVisa.\n");
		Catalog catalog = load(content);
		assertThat(updated(catalog, "ports")).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(catalog.updated(catalog.question("billing", "cards").orElseThrow())).isEmpty();
	}

	@Test
	void theEditLinkNamesTheCategoryFileUnderEditUrl() {
		Path content = repository.resolve("plain");
		TestContent.in(content)
			.site("editUrl: https://github.com/org/faq/edit/main/content\n")
			.file("general.md", FIRST);
		Catalog catalog = load(content);
		assertThat(catalog.editUrl(catalog.category("general").orElseThrow()))
			.contains("https://github.com/org/faq/edit/main/content/general.md");
	}

	@Test
	void aTranslatedCategoryIsEditedInItsLanguageFolder() {
		Path content = repository.resolve("plain");
		TestContent.in(content)
			.site("editUrl: https://github.com/org/faq/edit/main/content/")
			.file("general.md", FIRST)
			.translation("fr", "general", "Général", "\n## Installer ? {#install}\n\nLancez l'installateur.\n");
		Catalog french = new ContentLoader(new MarkdownRenderer(), false).loadAll(content).of("fr").orElseThrow();
		assertThat(french.editUrl(french.category("general").orElseThrow()))
			.contains("https://github.com/org/faq/edit/main/content/fr/general.md");
	}

	@Test
	void withoutEditUrlThereIsNoEditLinkAndABadOneIsAnError() {
		Path content = repository.resolve("plain");
		TestContent.in(content).file("general.md", FIRST);
		Catalog catalog = load(content);
		assertThat(catalog.editUrl(catalog.category("general").orElseThrow())).isEmpty();
		assertThat(new ContentFixture(content).file("site.yml", "title: FAQ\neditUrl: github.com/org/faq\n").errors())
			.containsExactly("site.yml:2: 'editUrl' must start with http:// or https://");
	}

}
