package dev.faqkb.site;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import dev.faqkb.TestContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar faqkb.jar validate}: what an author sees in CI for each kind of
 * mistake, and the exit code.
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

	private TestContent content;

	/** The content of an earlier commit, for {@code --previous}. */
	private TestContent previous;

	@BeforeEach
	void folders() {
		content = TestContent.in(dir.resolve("content"));
		previous = TestContent.in(dir.resolve("previous"));
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int validate(String... args) {
		return Validator.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Validates {@code general.md} with the given text and returns the output, expecting
	 * exit code 1.
	 */
	private String errorsOf(String text) {
		content.file("general.md", text);
		assertThat(validate(content.dir().toString())).as(out()).isEqualTo(1);
		return out();
	}

	private String general() {
		return content.dir().resolve("general.md").toString();
	}

	@Test
	void cleanContentExitsZeroWithASummary() {
		content.file("general.md", GOOD);
		assertThat(validate(content.dir().toString())).isZero();
		assertThat(out()).isEqualTo(content.dir() + ": 2 questions in 1 category, no errors\n");
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void eachTranslationSaysHowManyQuestionsItTranslates() {
		content.file("general.md", GOOD)
			.translation("fr", "general", "Général", "## Comment l'installer ? {#install}\n\nLancez l'installateur.\n")
			.translation("ja", "general", "一般",
					"## インストール方法は？ {#install}\n\nインストーラを実行します。\n\n" + "## どのポートですか？ {#ports}\n\n80 と 443 です。\n");
		assertThat(validate(content.dir().toString())).as(out()).isZero();
		assertThat(out())
			.isEqualTo(content.dir().resolve("fr") + ": 1 of 2 questions translated\n" + content.dir().resolve("ja")
					+ ": 2 of 2 questions translated\n" + content.dir() + ": 2 questions in 1 category, no errors\n");
	}

	@Test
	void translatedQuestionWithoutItsOriginalsIdIsAnError() {
		content.translation("fr", "general", "Général", "## Comment l'installer ?\n\nLancez l'installateur.\n");
		assertThat(errorsOf(GOOD)).startsWith(content.dir().resolve("fr/general.md") + ":4: 'comment-linstaller-' is "
				+ "not the id of a question in " + general()
				+ ": a translated question gives its original's id at the end of " + "its heading, like {#install}\n");
	}

	@Test
	void translationSynonymsAreChecked() {
		content.file("general.md", GOOD)
			.translation("fr", "general", "Général", "## Comment l'installer ? {#install}\n\nLancez l'installateur.\n")
			.file("fr/synonyms.txt", "a => \n");
		assertThat(validate(content.dir().toString())).as(out()).isEqualTo(1);
		assertThat(out()).contains(content.dir().resolve("fr/synonyms.txt") + ":1: invalid synonym rule");
	}

	@Test
	void missingFrontMatterIsAnError() {
		assertThat(errorsOf("## A question?\n\nAn answer.\n")).startsWith(general()
				+ ":1: missing front matter: start the file with a '---' line, 'title: ...', and another '---' line\n")
			.endsWith(content.dir() + ": 1 error(s)\n");
	}

	@Test
	void unclosedFrontMatterIsAnError() {
		assertThat(errorsOf("---\ntitle: General\n\n## A question?\n\nAn answer.\n"))
			.contains(general() + ":1: front matter is not closed by a '---' line\n");
	}

	@Test
	void unknownFrontMatterKeyIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\ntitel: Typo"))).contains(general()
				+ ":3: unknown key 'titel' (allowed: title, description, order, draft, updated, redirects)\n");
	}

	@Test
	void missingTitleIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "description: No title")))
			.contains(general() + ":1: missing 'title' in front matter\n");
	}

	@Test
	void orderThatIsNotANumberIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\norder: first")))
			.contains(general() + ":3: 'order' must be a whole number\n");
	}

	@Test
	void invalidYamlIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "title: [General")))
			.containsPattern(Pattern.quote(general() + ":") + "\\d+: invalid YAML: ");
	}

	@Test
	void badUpdatedDateIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nupdated: last week")))
			.contains(general() + ":3: 'updated' must be a date like 2024-05-31\n");
	}

	@Test
	void duplicateIdIsAnError() {
		assertThat(errorsOf(GOOD.replace("{#ports}", "{#install}"))).contains(general()
				+ ":9: duplicate id 'install': the question on line 5 has it too; give one of them an explicit {#id}\n");
	}

	@Test
	void linkToAMissingFileIsAnError() {
		assertThat(errorsOf(GOOD.replace("(#install)", "(setup.md#ports)"))).contains(general()
				+ ":11: broken link to 'setup.md#ports': there is no setup.md (or it is a draft) in the content folder\n");
	}

	@Test
	void missingImageAndImageWithoutAltTextAreErrors() {
		content.file("img/flow.png", dev.faqkb.TestImages.png(4, 4));
		assertThat(errorsOf(GOOD.replace("Run the installer.", "![](img/flow.png)\n\n![Setup](img/setup.png)")))
			.contains(general()
					+ ":7: image 'img/flow.png' has no alt text: say what it shows, ![like this](img/flow.png), "
					+ "for readers who cannot see it; an image that only decorates says so with ![](img/flow.png){.decorative}\n")
			.contains(general() + ":9: image 'img/setup.png': there is no file img/setup.png in the content folder\n");
	}

	@Test
	void aFileOverTheSizeLimitGivenIsAnError() {
		content.file("files/big.pdf", new byte[2048])
			.file("general.md", GOOD.replace("Run the installer.", "Read [the guide](files/big.pdf)."));
		assertThat(validate(content.dir().toString())).isZero();
		assertThat(validate(content.dir().toString(), "--max-file-size=1KB")).isEqualTo(1);
		assertThat(out()).contains(general() + ":7: link to 'files/big.pdf': files/big.pdf is 2 KB, over the limit of "
				+ "1 KB (faqkb.content.max-file-size)\n");
	}

	@Test
	void aSizeLimitThatIsNoSizeIsAUsageError() {
		assertThat(validate("--max-file-size", "big")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("faqkb validate: --max-file-size needs a size such as 10MB, got 'big'\n");
	}

	@Test
	void linkToAMissingAnchorIsAnError() {
		assertThat(errorsOf(GOOD.replace("(#install)", "(#instal)")))
			.contains(general() + ":11: broken link to '#instal': general.md has no question with id 'instal'\n");
	}

	@Test
	void redirectToAMissingIdIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nredirects:\n  old-install: instal")))
			.contains(general() + ":4: redirect 'old-install' points to 'instal', which does not exist\n");
	}

	@Test
	void redirectFromAnIdStillInUseIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nredirects:\n  ports: install")))
			.contains(general() + ":4: redirect from 'ports', but a question in this file still has that id\n");
	}

	@Test
	void redirectFromSomethingThatIsNotAnIdIsAnError() {
		assertThat(errorsOf(GOOD.replace("title: General", "title: General\nredirects:\n  \"old install\": install")))
			.contains(
					general() + ":4: redirect from 'old install': not a valid id (use letters, digits, '-' and '_')\n");
	}

	@Test
	void questionWithoutAnswerIsAnError() {
		assertThat(errorsOf(GOOD.replace("Run the installer.\n", "")))
			.contains(general() + ":5: question 'How do I install it?' has no answer\n");
	}

	@Test
	void headingWithoutQuestionTextIsAnError() {
		assertThat(errorsOf(GOOD + "\n## {#empty}\n\nAn answer.\n"))
			.contains(general() + ":13: heading has no question text\n");
	}

	@Test
	void badSynonymRuleIsAnError() {
		// The application would not start with it (SnapshotStore reads synonyms.txt), so
		// validate must fail too.
		content.file("general.md", GOOD);
		content.file("synonyms.txt", "setup, configuration\na => b => c\n");
		assertThat(validate(content.dir().toString())).as(out()).isEqualTo(1);
		assertThat(out()).contains(content.dir().resolve("synonyms.txt") + ":2: invalid synonym rule: ")
			.endsWith(content.dir() + ": 1 error(s)\n");
	}

	@Test
	void everyErrorIsListedInFileAndLineOrder() {
		content.file("setup.md", "no front matter\n");
		String output = errorsOf(GOOD.replace("(#install)", "(#instal)").replace("title: General", "titel: General"));
		assertThat(output.lines().toList()).containsExactly(general() + ":1: missing 'title' in front matter",
				general() + ":2: unknown key 'titel' (allowed: title, description, order, draft, updated, redirects)",
				general() + ":11: broken link to '#instal': general.md has no question with id 'instal'",
				content.dir().resolve("setup.md")
						+ ":1: missing front matter: start the file with a '---' line, 'title: ...', and another '---' line",
				content.dir() + ": 4 error(s)");
	}

	@Test
	void mistakesInADraftAreReportedBeforeItIsPublished() {
		content.file("general.md", GOOD);
		content.file("upcoming.md", """
				---
				title: Upcoming
				draft: true
				---

				## Is it ready?

				See [nowhere](#nowhere).
				""");
		assertThat(validate(content.dir().toString())).isEqualTo(1);
		assertThat(out()).contains(content.dir().resolve("upcoming.md")
				+ ":8: broken link to '#nowhere': upcoming.md has no question with id 'nowhere'");
	}

	@Test
	void publishedLinkToADraftIsAnError() {
		content.drafts(); // for its draft category upcoming.md: errorsOf writes
							// general.md over the fixture's
		assertThat(errorsOf(GOOD.replace("(#install)", "(upcoming.md#ready)"))).contains(general()
				+ ":11: broken link to 'upcoming.md#ready': there is no upcoming.md (or it is a draft) in the content folder");
	}

	@Test
	void idGoneSincePreviousContentIsReportedAtItsPreviousLine() {
		previous.file("general.md", GOOD);
		content.file("general.md", GOOD.replace("{#ports}", "{#network-ports}").replace("80 and 443", "Ports: 80"));
		assertThat(validate(content.dir().toString(), "--previous", previous.dir().toString())).isEqualTo(1);
		assertThat(out().lines().toList()).containsExactly(previous.dir().resolve("general.md")
				+ ":9: question id 'ports' is gone: links to /faq/general/ports would answer 404; keep the id, or add "
				+ "'ports: new-id' (or 'other-category#new-id') under 'redirects:' in " + general(),
				content.dir() + ": 0 error(s), 1 id(s) of " + previous.dir() + " gone without a redirect");
	}

	@Test
	void idKeptByARedirectIsNotReported() {
		previous.file("general.md", GOOD);
		content.file("general.md", GOOD.replace("{#ports}", "{#network-ports}")
			.replace("title: General", "title: General\nredirects:\n  ports: network-ports"));
		assertThat(validate(content.dir().toString(), "--previous=" + previous.dir())).as(out()).isZero();
		assertThat(out()).isEqualTo(
				content.dir() + ": 2 questions in 1 category, no errors, no id of " + previous.dir() + " lost\n");
	}

	@Test
	void questionMovedToAnotherCategoryWithARedirectIsNotReported() {
		previous.file("general.md", GOOD);
		content.file("general.md", GOOD.substring(0, GOOD.indexOf("## Which ports"))
			.replace("title: General", "title: General\nredirects:\n  ports: setup#ports"));
		content.file("setup.md", "---\ntitle: Setup\n---\n\n## Which ports? {#ports}\n\n80 and 443.\n");
		assertThat(validate(content.dir().toString(), "--previous", previous.dir().toString())).as(out()).isZero();
	}

	@Test
	void removedRedirectAndRemovedCategoryAreReported() {
		previous.file("general.md",
				GOOD.replace("title: General", "title: General\nredirects:\n  old-install: install"));
		previous.file("setup.md", "---\ntitle: Setup\n---\n\n## Which ports? {#ports}\n\n80 and 443.\n");
		content.file("general.md", GOOD);
		assertThat(validate(content.dir().toString(), "--previous", previous.dir().toString())).isEqualTo(1);
		assertThat(out())
			.contains(previous.dir().resolve("general.md")
					+ ":4: redirect from 'old-install' is gone: links to /faq/general/old-install"
					+ " would answer 404; keep it under 'redirects:' in " + general())
			.contains(previous.dir().resolve("setup.md")
					+ ":5: question id 'ports' is gone: links to /faq/setup/ports would answer 404; keep setup.md, with 'redirects:' for its questions");
	}

	@Test
	void questionTurnedIntoADraftIsReportedAsGone() {
		previous.file("general.md", GOOD);
		content.file("general.md", GOOD.replace("{#ports}", "{#ports .draft}"));
		assertThat(validate(content.dir().toString(), "--previous", previous.dir().toString())).isEqualTo(1);
		assertThat(out()).contains("question id 'ports' is gone");
	}

	@Test
	void fileThatCannotBeReadNowIsNotAlsoReportedAsGone() {
		previous.file("general.md", GOOD);
		content.file("general.md", GOOD.replace("---\ntitle: General\n---\n", ""));
		assertThat(validate(content.dir().toString(), "--previous", previous.dir().toString())).isEqualTo(1);
		assertThat(out()).contains("missing front matter").doesNotContain("is gone");
	}

	@Test
	void unknownOptionIsAUsageError() {
		assertThat(validate("--strict")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.isEqualTo("faqkb validate: unknown option '--strict'\n" + Validator.USAGE + "\n");
		assertThat(out()).isEmpty();
	}

	@Test
	void missingFolderIsAUsageError() {
		assertThat(validate(dir.resolve("nowhere").toString())).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.startsWith("faqkb validate: no folder at '" + dir.resolve("nowhere") + "'\nusage: ");
	}

	@Test
	void previousWithoutAFolderIsAUsageError() {
		content.file("general.md", GOOD);
		assertThat(validate(content.dir().toString(), "--previous")).isEqualTo(2);
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
		assertThat(out())
			.startsWith("usage: java -jar faqkb.jar validate [DIR] [--previous DIR] [--max-file-size SIZE]\n");
	}

}
