package dev.faqkb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README, the pages in {@code docs/} and {@code bench/README.md}: every relative link
 * and anchor resolves, as GitHub shows them, and every page is reachable. External links
 * are checked for form only, never fetched.
 */
class DocsLinksTest {

	private static final Path ROOT = Path.of("");

	@Test
	void everyRelativeLinkAndAnchorOfTheDocsResolves() throws IOException {
		List<MarkdownLinks.Problem> problems = new MarkdownLinks(ROOT).check(docs());

		assertThat(problems).as("broken links, as file:line: message").isEmpty();
	}

	@Test
	void everyDocsPageIsLinkedFromTheReadmeAndFromTheDocsIndex() throws IOException {
		List<Path> pages = docs().stream()
			.filter(page -> page.startsWith("docs") && !page.equals(Path.of("docs/README.md")))
			.map(page -> page.toAbsolutePath().normalize())
			.toList();

		assertThat(linkedFrom(Path.of("README.md"))).containsAll(pages);
		assertThat(linkedFrom(Path.of("docs/README.md"))).containsAll(pages);
	}

	@Test
	void theReadmeNamesTheTestCommandThatCiRuns() throws IOException {
		assertThat(Files.readString(Path.of("README.md"))).contains("| test | `./mvnw verify` |");
	}

	// How the check itself behaves, on a repository of its own.

	@Test
	void aLinkToAMissingFileIsReportedAtItsLine(@TempDir Path repo) throws IOException {
		write(repo, "README.md", "# Title\n\nSee [the guide](docs/guide.md).\n");

		assertThat(new MarkdownLinks(repo).check(List.of(Path.of("README.md")))).map(Object::toString)
			.containsExactly("README.md:3: broken link 'docs/guide.md': there is no docs/guide.md");
	}

	@Test
	void anAnchorThatNoHeadingHasIsReportedWithTheAnchorsThereAre(@TempDir Path repo) throws IOException {
		write(repo, "README.md", "[Storage](docs/ops.md#storage)\n\n[Caching](docs/ops.md#caching)\n");
		write(repo, "docs/ops.md", "# Operators\n\n## Storage\n\n## Security\n");

		assertThat(new MarkdownLinks(repo).check(List.of(Path.of("README.md")))).map(Object::toString)
			.containsExactly("README.md:3: broken link 'docs/ops.md#caching': docs/ops.md has no heading or anchor "
					+ "'caching' (it has operators, storage, security)");
	}

	@Test
	void anchorsAreGitHubsHeadingSlugsAndExplicitIds(@TempDir Path repo) throws IOException {
		write(repo, "page.md", """
				# Storage: H2 (default) and PostgreSQL
				## Synonyms (`content/synonyms.txt`, optional)
				## Didn't find your answer? Ask us
				## llms.txt
				## `__init__.py` files
				## Errors
				## Errors
				<a id="kept-anchor"></a>
				""");

		assertThat(new MarkdownLinks(repo).anchors(Path.of("page.md"))).containsExactly(
				"storage-h2-default-and-postgresql", "synonyms-contentsynonymstxt-optional",
				"didnt-find-your-answer-ask-us", "llmstxt", "__init__py-files", "errors", "errors-1", "kept-anchor");
	}

	@Test
	void linksToTheSameFileFoldersAndTheRepositoryTopResolve(@TempDir Path repo) throws IOException {
		write(repo, "docs/a.md", """
				# A

				[top](#a), [folder](../src), [from the top](/docs/a.md#a), [space](my%20notes.md)
				""");
		write(repo, "docs/my notes.md", "# Notes\n");
		Files.createDirectories(repo.resolve("src"));

		assertThat(new MarkdownLinks(repo).check(List.of(Path.of("docs/a.md")))).isEmpty();
	}

	@Test
	void linksInCodeAreNotLinks(@TempDir Path repo) throws IOException {
		write(repo, "README.md", """
				```markdown
				[text](other.md#question-id)
				```

				Inline too: `[text](missing.md)`.
				""");

		assertThat(new MarkdownLinks(repo).check(List.of(Path.of("README.md")))).isEmpty();
	}

	@Test
	void aLinkOutOfTheRepositoryIsReported(@TempDir Path repo) throws IOException {
		write(repo, "README.md", "[data](../shared/corpora)\n");

		assertThat(new MarkdownLinks(repo).check(List.of(Path.of("README.md")))).map(Object::toString)
			.containsExactly("README.md:1: broken link '../shared/corpora': it leaves the repository");
	}

	@Test
	void externalLinksAreCheckedForFormOnly(@TempDir Path repo) throws IOException {
		write(repo, "README.md",
				"""
						[fine](https://faq.example.invalid/never/fetched) and <https://llmstxt.org> and [mail](mailto:dev@faqkb.dev)

						[no host](https:///docs)

						[a typo](htps://example.com)

						[a bad escape](https://example.com/%zz)
						""");

		assertThat(new MarkdownLinks(repo).check(List.of(Path.of("README.md")))).map(Object::toString)
			.containsExactly("README.md:3: link 'https:///docs' has no host",
					"README.md:5: link 'htps://example.com': only http, https and mailto links are expected, and "
							+ "relative links",
					"README.md:7: link 'https://example.com/%zz' is not a valid address: Malformed escape pair at "
							+ "index 20: https://example.com/%zz");
	}

	/** README.md, every Markdown file under docs/, and bench/README.md. */
	private static List<Path> docs() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(Path.of("README.md"));
		try (Stream<Path> pages = Files.walk(Path.of("docs"))) {
			pages.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		files.add(Path.of("bench/README.md"));
		return files;
	}

	/** The files that {@code page}'s relative links point at. */
	private static List<Path> linkedFrom(Path page) {
		return new MarkdownLinks(ROOT).links(page)
			.stream()
			.filter(link -> !link.url().contains(":"))
			.map(link -> link.url().replaceFirst("#.*", ""))
			.filter(path -> !path.isEmpty())
			.map(path -> page.toAbsolutePath().getParent().resolve(path).normalize())
			.toList();
	}

	private static void write(Path repo, String name, String text) throws IOException {
		Path file = repo.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
