package dev.faqkb.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar faqkb.jar validate}: what an author sees in CI for each kind of mistake, and the exit code.
 */
class ValidatorTest {

	private static final String GOOD = """
			---
			title: General
			---

			## How do I install it? {#install}

			Run the installer.

			## Which ports? {#ports}

			80 and 443; see [installing](#install).
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int validate(String... args) {
		return Validator.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private Path write(String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		return file;
	}

	/** Validates {@code general.md} with the given text and returns the output, expecting exit code 1. */
	private String errorsOf(String text) throws IOException {
		write("content/general.md", text);
		assertThat(validate(dir.resolve("content").toString())).as(out()).isEqualTo(1);
		return out();
	}

	private String general() {
		return dir.resolve("content/general.md").toString();
	}

	@Test
	void cleanContentExitsZeroWithASummary() throws IOException {
		write("content/general.md", GOOD);
		assertThat(validate(dir.resolve("content").toString())).isZero();
		assertThat(out()).isEqualTo(dir.resolve("content") + ": 2 questions in 1 category, no errors\n");
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void missingFrontMatterIsAnError() throws IOException {
		assertThat(errorsOf("## A question?\n\nAn answer.\n")).startsWith(general()
				+ ":1: missing front matter: start the file with a '---' line, 'title: ...', and another '---' line\n")
			.endsWith(dir.resolve("content") + ": 1 error(s)\n");
	}

	@Test
	void unclosedFrontMatterIsAnError() throws IOException {
		assertThat(errorsOf("---\ntitle: General\n\n## A question?\n\nAn answer.\n"))
			.contains(general() + ":1: front matter is not closed by a '---' line\n");
	}

	@Test
	void unknownFrontMatterKeyIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\ntitel: Typo")))
			.contains(general() + ":3: unknown key 'titel' (allowed: title, description, order, draft, updated, redirects)\n");
	}

	@Test
	void missingTitleIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "description: No title")))
			.contains(general() + ":1: missing 'title' in front matter\n");
	}

	@Test
	void orderThatIsNotANumberIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\norder: first")))
			.contains(general() + ":3: 'order' must be a whole number\n");
	}

	@Test
	void invalidYamlIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "title: [General")))
			.containsPattern(Pattern.quote(general() + ":") + "\\d+: invalid YAML: ");
	}

	@Test
	void badUpdatedDateIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nupdated: last week")))
			.contains(general() + ":3: 'updated' must be a date like 2024-05-31\n");
	}

	@Test
	void duplicateIdIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("{#ports}", "{#install}"))).contains(general()
				+ ":9: duplicate id 'install': the question on line 5 has it too; give one of them an explicit {#id}\n");
	}

	@Test
	void linkToAMissingFileIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("(#install)", "(setup.md#ports)")))
			.contains(general() + ":11: broken link to 'setup.md#ports': there is no setup.md (or it is a draft) in the content folder\n");
	}

	@Test
	void linkToAMissingAnchorIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("(#install)", "(#instal)")))
			.contains(general() + ":11: broken link to '#instal': general.md has no question with id 'instal'\n");
	}

	@Test
	void redirectToAMissingIdIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nredirects:\n  old-install: instal")))
			.contains(general() + ":4: redirect 'old-install' points to 'instal', which does not exist\n");
	}

	@Test
	void redirectFromAnIdStillInUseIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nredirects:\n  ports: install")))
			.contains(general() + ":4: redirect from 'ports', but a question in this file still has that id\n");
	}

	@Test
	void redirectFromSomethingThatIsNotAnIdIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nredirects:\n  \"old install\": install")))
			.contains(general() + ":4: redirect from 'old install': not a valid id (use letters, digits, '-' and '_')\n");
	}

	@Test
	void questionWithoutAnswerIsAnError() throws IOException {
		assertThat(errorsOf(GOOD.replace("Run the installer.\n", "")))
			.contains(general() + ":5: question 'How do I install it?' has no answer\n");
	}

	@Test
	void headingWithoutQuestionTextIsAnError() throws IOException {
		assertThat(errorsOf(GOOD + "\n## {#empty}\n\nAn answer.\n"))
			.contains(general() + ":13: heading has no question text\n");
	}

	@Test
	void badSynonymRuleIsAnError() throws IOException {
		// The application would not start with it (SnapshotStore reads synonyms.txt), so validate must fail too.
		write("content/general.md", GOOD);
		write("content/synonyms.txt", "setup, configuration\na => b => c\n");
		assertThat(validate(dir.resolve("content").toString())).as(out()).isEqualTo(1);
		assertThat(out()).contains(dir.resolve("content/synonyms.txt") + ":2: invalid synonym rule: ")
			.endsWith(dir.resolve("content") + ": 1 error(s)\n");
	}

	@Test
	void everyErrorIsListedInFileAndLineOrder() throws IOException {
		write("content/setup.md", "no front matter\n");
		String output = errorsOf(GOOD.replace("(#install)", "(#instal)").replace("title: General", "titel: General"));
		assertThat(output.lines().toList()).containsExactly(
				general() + ":1: missing 'title' in front matter",
				general() + ":2: unknown key 'titel' (allowed: title, description, order, draft, updated, redirects)",
				general() + ":11: broken link to '#instal': general.md has no question with id 'instal'",
				dir.resolve("content/setup.md") + ":1: missing front matter: start the file with a '---' line, 'title: ...', and another '---' line",
				dir.resolve("content") + ": 4 error(s)");
	}

	@Test
	void mistakesInADraftAreReportedBeforeItIsPublished() throws IOException {
		write("content/general.md", GOOD);
		write("content/upcoming.md", """
				---
				title: Upcoming
				draft: true
				---

				## Is it ready?

				See [nowhere](#nowhere).
				""");
		assertThat(validate(dir.resolve("content").toString())).isEqualTo(1);
		assertThat(out()).contains(dir.resolve("content/upcoming.md")
				+ ":8: broken link to '#nowhere': upcoming.md has no question with id 'nowhere'");
	}

	@Test
	void publishedLinkToADraftIsAnError() throws IOException {
		write("content/upcoming.md", """
				---
				title: Upcoming
				draft: true
				---

				## Is it ready? {#ready}

				Not yet.
				""");
		assertThat(errorsOf(GOOD.replace("(#install)", "(upcoming.md#ready)")))
			.contains(general() + ":11: broken link to 'upcoming.md#ready': there is no upcoming.md (or it is a draft) in the content folder");
	}

	@Test
	void idGoneSincePreviousContentIsReportedAtItsPreviousLine() throws IOException {
		Path previous = write("previous/general.md", GOOD);
		write("content/general.md", GOOD.replace("{#ports}", "{#network-ports}").replace("80 and 443", "Ports: 80"));
		assertThat(validate(dir.resolve("content").toString(), "--previous", dir.resolve("previous").toString()))
			.isEqualTo(1);
		assertThat(out().lines().toList()).containsExactly(previous
				+ ":9: question id 'ports' is gone: links to /faq/general/ports would answer 404; keep the id, or add "
				+ "'ports: new-id' (or 'other-category#new-id') under 'redirects:' in " + general(),
				dir.resolve("content") + ": 0 error(s), 1 id(s) of " + dir.resolve("previous") + " gone without a redirect");
	}

	@Test
	void idKeptByARedirectIsNotReported() throws IOException {
		write("previous/general.md", GOOD);
		write("content/general.md", GOOD.replace("{#ports}", "{#network-ports}")
			.replace("title: General", "title: General\nredirects:\n  ports: network-ports"));
		assertThat(validate(dir.resolve("content").toString(), "--previous=" + dir.resolve("previous"))).as(out())
			.isZero();
		assertThat(out()).isEqualTo(dir.resolve("content") + ": 2 questions in 1 category, no errors, no id of "
				+ dir.resolve("previous") + " lost\n");
	}

	@Test
	void questionMovedToAnotherCategoryWithARedirectIsNotReported() throws IOException {
		write("previous/general.md", GOOD);
		write("content/general.md", GOOD.substring(0, GOOD.indexOf("## Which ports"))
			.replace("title: General", "title: General\nredirects:\n  ports: setup#ports"));
		write("content/setup.md", "---\ntitle: Setup\n---\n\n## Which ports? {#ports}\n\n80 and 443.\n");
		assertThat(validate(dir.resolve("content").toString(), "--previous", dir.resolve("previous").toString()))
			.as(out())
			.isZero();
	}

	@Test
	void removedRedirectAndRemovedCategoryAreReported() throws IOException {
		Path previous = write("previous/general.md",
				GOOD.replace("title: General", "title: General\nredirects:\n  old-install: install"));
		Path setup = write("previous/setup.md", "---\ntitle: Setup\n---\n\n## Which ports? {#ports}\n\n80 and 443.\n");
		write("content/general.md", GOOD);
		assertThat(validate(dir.resolve("content").toString(), "--previous", dir.resolve("previous").toString()))
			.isEqualTo(1);
		assertThat(out()).contains(previous + ":4: redirect from 'old-install' is gone: links to /faq/general/old-install"
				+ " would answer 404; keep it under 'redirects:' in " + general())
			.contains(setup + ":5: question id 'ports' is gone: links to /faq/setup/ports would answer 404; keep setup.md, with 'redirects:' for its questions");
	}

	@Test
	void questionTurnedIntoADraftIsReportedAsGone() throws IOException {
		write("previous/general.md", GOOD);
		write("content/general.md", GOOD.replace("{#ports}", "{#ports .draft}"));
		assertThat(validate(dir.resolve("content").toString(), "--previous", dir.resolve("previous").toString()))
			.isEqualTo(1);
		assertThat(out()).contains("question id 'ports' is gone");
	}

	@Test
	void fileThatCannotBeReadNowIsNotAlsoReportedAsGone() throws IOException {
		write("previous/general.md", GOOD);
		write("content/general.md", GOOD.replace("---\ntitle: General\n---\n", ""));
		assertThat(validate(dir.resolve("content").toString(), "--previous", dir.resolve("previous").toString()))
			.isEqualTo(1);
		assertThat(out()).contains("missing front matter").doesNotContain("is gone");
	}

	@Test
	void unknownOptionIsAUsageError() {
		assertThat(validate("--strict")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
				"faqkb validate: unknown option '--strict'\nusage: java -jar faqkb.jar validate [DIR] [--previous DIR]\n");
		assertThat(out()).isEmpty();
	}

	@Test
	void missingFolderIsAUsageError() {
		assertThat(validate(dir.resolve("nowhere").toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("faqkb validate: no folder at '" + dir.resolve("nowhere") + "'\nusage: ");
	}

	@Test
	void previousWithoutAFolderIsAUsageError() throws IOException {
		write("content/general.md", GOOD);
		assertThat(validate(dir.resolve("content").toString(), "--previous")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("faqkb validate: --previous needs a folder\n");
	}

	@Test
	void twoFoldersIsAUsageError() {
		assertThat(validate("a", "b")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("faqkb validate: one content folder only");
	}

	@Test
	void helpPrintsUsageAndExitsZero() {
		assertThat(validate("--help")).isZero();
		assertThat(out()).startsWith("usage: java -jar faqkb.jar validate [DIR] [--previous DIR]\n");
	}

}
