package dev.faqkb.content;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentLoaderTest {

	@TempDir
	Path dir;

	private ContentFixture content() {
		return new ContentFixture(dir);
	}

	@Test
	void frontMatterGivesTitleDescriptionAndOrder() {
		Catalog catalog = content()
			.file("b.md", "---\ntitle: Beta\ndescription: Second one\norder: 2\n---\n## Q?\nA.\n")
			.file("a.md", "---\ntitle: Alpha\norder: 5\n---\n## Q?\nA.\n")
			.file("c.md", "---\ntitle: Gamma\n---\n## Q?\nA.\n")
			.load();
		assertThat(catalog.categories()).extracting(Category::id).containsExactly("b", "a", "c");
		Category beta = catalog.category("b").orElseThrow();
		assertThat(beta.title()).isEqualTo("Beta");
		assertThat(beta.description()).isEqualTo("Second one");
		assertThat(beta.order()).isEqualTo(2);
	}

	@Test
	void categoriesWithTheSameOrderSortByTitle() {
		Catalog catalog = content().file("x.md", "---\ntitle: Zebra\norder: 1\n---\n## Q?\nA.\n")
			.file("y.md", "---\ntitle: Ant\norder: 1\n---\n## Q?\nA.\n")
			.load();
		assertThat(catalog.categories()).extracting(Category::title).containsExactly("Ant", "Zebra");
	}

	@Test
	void questionsAreLevelTwoHeadingsAndSectionsLevelOne() {
		Catalog catalog = content().category("faq", "FAQ", """
				Intro text.

				## Before any section?

				Loose answer.

				# Installing

				## How do I install it?

				Run the installer.

				### Step one

				Still part of the answer.

				## Where are the logs?

				In `/var/log`.

				# Using
				Section intro.

				## How do I log in?

				With your account.
				""").load();
		Category faq = catalog.category("faq").orElseThrow();
		assertThat(faq.introHtml()).isEqualTo("<p>Intro text.</p>\n");
		assertThat(faq.sections()).extracting(Section::title).containsExactly(null, "Installing", "Using");
		assertThat(faq.sections()).extracting(Section::id).containsExactly(null, "section-installing", "section-using");
		assertThat(faq.sections().get(2).introHtml()).isEqualTo("<p>Section intro.</p>\n");
		assertThat(faq.questions()).extracting(Question::id)
			.containsExactly("before-any-section", "how-do-i-install-it", "where-are-the-logs", "how-do-i-log-in");
		Question install = catalog.question("faq", "how-do-i-install-it").orElseThrow();
		assertThat(install.section()).isEqualTo("Installing");
		assertThat(install.answerHtml()).contains("<p>Run the installer.</p>")
			.contains("<h3 id=\"step-one\">")
			.contains("Still part of the answer.");
		assertThat(install.answerText()).isEqualTo("Run the installer.\n\nStep one\n\nStill part of the answer.");
		assertThat(install.line()).isEqualTo(12);
		assertThat(install.source()).isEqualTo(dir.resolve("faq.md"));
	}

	@Test
	void explicitIdWinsOverTheSlugAndIsNotPartOfTheQuestionText() {
		Catalog catalog = content()
			.category("faq", "FAQ", "## How do I *really* install it? {#install}\n\nLike this.\n")
			.load();
		Question question = catalog.category("faq").orElseThrow().questions().get(0);
		assertThat(question.id()).isEqualTo("install");
		assertThat(question.text()).isEqualTo("How do I really install it?");
	}

	@Test
	void backslashEscapesInHeadingsAreUnescapedInTheQuestionText() {
		Catalog catalog = content().category("faq", "FAQ", "## Why does a\\_tuple\\[i\\] fail?\n\nBecause.\n").load();
		Question question = catalog.category("faq").orElseThrow().questions().get(0);
		assertThat(question.text()).isEqualTo("Why does a_tuple[i] fail?");
		assertThat(question.id()).isEqualTo("why-does-a_tuplei-fail");
	}

	@Test
	void rawHtmlIsKeptAndFencedCodeKeepsItsLanguage() {
		Catalog catalog = content().category("faq", "FAQ", """
				## Example?

				<div class="note">Trusted <b>HTML</b></div>

				```python
				print("hi")
				```

				| a | b |
				|---|---|
				| 1 | ~~2~~ |

				See https://example.com for more.
				""").load();
		String html = catalog.question("faq", "example").orElseThrow().answerHtml();
		assertThat(html).contains("<div class=\"note\">Trusted <b>HTML</b></div>")
			.contains("<pre><code class=\"language-python\">print(&quot;hi&quot;)\n</code></pre>")
			.contains("<table>")
			.contains("<del>2</del>")
			.contains("<a href=\"https://example.com\">https://example.com</a>");
	}

	@Test
	void linksBetweenEntriesAreRewrittenToSiteAddresses() {
		Catalog catalog = content().category("setup", "Setup", "## How do I start?\n\nJust start.\n")
			.category("faq", "FAQ", """
					## First?

					See [start](setup.md#how-do-i-start), [the setup page](setup.md), [below](#second)
					and [external](https://example.com/a.md).

					## Second?

					Yes.
					""")
			.load();
		String html = catalog.question("faq", "first").orElseThrow().answerHtml();
		assertThat(html).contains("<a href=\"/faq/setup#how-do-i-start\">start</a>")
			.contains("<a href=\"/faq/setup\">the setup page</a>")
			.contains("<a href=\"/faq/faq#second\">below</a>")
			.contains("<a href=\"https://example.com/a.md\">external</a>");
	}

	@Test
	void linkToAMissingFileOrIdIsAnErrorWithItsLine() {
		List<String> errors = content().category("setup", "Setup", "## Start?\n\nGo.\n")
			.category("faq", "FAQ", "## First?\n\nSee [x](missing.md).\n\nAnd [y](setup.md#nope) and [z](#nowhere).\n")
			.errors();
		assertThat(errors).containsExactly(
				"faq.md:6: broken link to 'missing.md': there is no missing.md (or it is a draft) in the content folder",
				"faq.md:8: broken link to 'setup.md#nope': setup.md has no question with id 'nope'",
				"faq.md:8: broken link to '#nowhere': faq.md has no question with id 'nowhere'");
	}

	@Test
	void duplicateIdIsAnErrorNamingBothLines() {
		List<String> errors = content().category("faq", "FAQ",
				"## How do I install?\n\nOne.\n\n## How do I install?\n\nTwo.\n\n## Other {#how-do-i-install}\n\nThree.\n")
			.errors();
		assertThat(errors).containsExactly(
				"faq.md:8: duplicate id 'how-do-i-install': the question on line 4 has it too; give one of them an explicit {#id}",
				"faq.md:12: duplicate id 'how-do-i-install': the question on line 4 has it too; give one of them an explicit {#id}");
	}

	@Test
	void sameIdInTwoCategoriesIsFine() {
		Catalog catalog = content().category("a", "A", "## Install?\n\nA.\n")
			.category("b", "B", "## Install?\n\nB.\n")
			.load();
		assertThat(catalog.question("a", "install")).isPresent();
		assertThat(catalog.question("b", "install")).isPresent();
	}

	@Test
	void frontMatterMistakesAreReportedWithTheirLines() {
		List<String> errors = content().file("missing.md", "## No front matter?\n\nA.\n")
			.file("unclosed.md", "---\ntitle: X\n## Q?\n")
			.file("typo.md", "---\ntitle: T\ndescripton: oops\norder: first\n---\n## Q?\n\nA.\n")
			.file("notitle.md", "---\ndescription: no title\n---\n## Q?\n\nA.\n")
			.file("badyaml.md", "---\ntitle: [unclosed\n---\n## Q?\n\nA.\n")
			.errors();
		assertThat(errors).hasSize(6)
			.contains(
					"missing.md:1: missing front matter: start the file with a '---' line, 'title: ...', and another '---' line",
					"unclosed.md:1: front matter is not closed by a '---' line",
					"typo.md:3: unknown key 'descripton' (allowed: title, description, order, draft, updated, redirects)",
					"typo.md:4: 'order' must be a whole number", "notitle.md:1: missing 'title' in front matter")
			.anyMatch(error -> error.startsWith("badyaml.md:") && error.contains("invalid YAML"));
	}

	@Test
	void headingWithoutTextAndQuestionWithoutAnswerAreErrors() {
		List<String> errors = content().category("faq", "FAQ", "##\n\nText.\n\n## Empty?\n\n## Last?\n\nFine.\n")
			.errors();
		assertThat(errors).containsExactly("faq.md:4: heading has no question text",
				"faq.md:8: question 'Empty?' has no answer");
	}

	@Test
	void fileNameMustBeAUsableId() {
		List<String> errors = content().file("My FAQ.md", "---\ntitle: X\n---\n## Q?\n\nA.\n").errors();
		assertThat(errors).containsExactly(
				"My FAQ.md:0: the file name must be a valid id (letters, digits, '-' and '_'), as it becomes the category's address");
	}

	@Test
	void allErrorsOfAllFilesComeInOnePass() {
		List<String> errors = content().category("a", "A", "## Q?\n\n[x](gone.md)\n")
			.category("b", "B", "## Q?\n\nA.\n\n## Q?\n\nB.\n")
			.errors();
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0)).startsWith("a.md:6: broken link");
		assertThat(errors.get(1)).startsWith("b.md:8: duplicate id 'q'");
	}

	@Test
	void missingFolderAndEmptyFolderAreErrors() {
		assertThatExceptionOfType(ContentException.class)
			.isThrownBy(() -> new ContentFixture(dir.resolve("nope")).load())
			.withMessageContaining("content folder not found");
		assertThat(content().errors()).containsExactly(":0: no category files (*.md) in the content folder");
	}

	@Test
	void siteYmlSetsTitleDescriptionAndBaseUrl() {
		Catalog catalog = content().category("a", "A", "## Q?\n\nA.\n")
			.file("site.yml", "title: Help Center\ndescription: Answers\nbaseUrl: https://help.example.com/\n")
			.load();
		assertThat(catalog.site()).isEqualTo(new SiteInfo("Help Center", "Answers", "https://help.example.com", true));
	}

	@Test
	void siteYmlWithUnknownKeyIsAnError() {
		List<String> errors = content().category("a", "A", "## Q?\n\nA.\n")
			.file("site.yml", "title: X\ntitel: Y\n")
			.errors();
		assertThat(errors).containsExactly(
				"site.yml:2: unknown key 'titel' (allowed: title, description, baseUrl, popularQuestions, language, editUrl)");
	}

	@Test
	void previousAndNextFollowTheCategoryOrder() {
		Catalog catalog = content().category("a", "A", "## One?\n\n1.\n\n# S\n\n## Two?\n\n2.\n\n## Three?\n\n3.\n")
			.load();
		Question two = catalog.question("a", "two").orElseThrow();
		assertThat(catalog.previous(two)).map(Question::id).contains("one");
		assertThat(catalog.next(two)).map(Question::id).contains("three");
		assertThat(catalog.previous(catalog.question("a", "one").orElseThrow())).isEmpty();
		assertThat(catalog.next(catalog.question("a", "three").orElseThrow())).isEmpty();
	}

	@Test
	void answerMarkdownIsTheAnswerAsWrittenUpToTheNextQuestionOrSection() {
		Catalog catalog = content().category("faq", "FAQ", """
				## First? {#first}

				See [the second](#second) and **this**.

				### Detail

				More.


				## Second?

				    indented code stays code

				# Section

				Section intro.

				## Third?
				Last.
				""").load();
		assertThat(catalog.question("faq", "first").orElseThrow().answerMarkdown())
			.isEqualTo("See [the second](#second) and **this**.\n\n### Detail\n\nMore.");
		assertThat(catalog.question("faq", "second").orElseThrow().answerMarkdown())
			.isEqualTo("    indented code stays code");
		assertThat(catalog.question("faq", "third").orElseThrow().answerMarkdown()).isEqualTo("Last.");
	}

	@Test
	void answerMarkdownOfAnUnderlinedQuestionLeavesOutTheUnderline() {
		Catalog catalog = content().category("faq", "FAQ", "Underlined?\n-----------\n\nYes.\n").load();
		assertThat(catalog.question("faq", "underlined").orElseThrow().answerMarkdown()).isEqualTo("Yes.");
	}

	@Test
	void linkToAnOldIdFollowsItsRedirect() {
		Catalog catalog = content()
			.file("setup.md", "---\ntitle: Setup\nredirects:\n  ports: general#network-ports\n---\n## Start?\n\nGo.\n")
			.category("general", "General",
					"## Network ports? {#network-ports}\n\nSee [start](setup.md#start).\n\n"
							+ "## Where? {#where}\n\n[Ports](setup.md#ports).\n")
			.load();
		assertThat(catalog.question("general", "where").orElseThrow().answerHtml())
			.isEqualTo("<p><a href=\"/faq/general#network-ports\">Ports</a>.</p>\n");
		assertThat(catalog.redirect("setup", "ports")).contains(new Redirect("general", "network-ports"));
	}

	@Test
	void draftsAreLeftOutUnlessShownAndLinksToThemAreErrors() {
		ContentFixture content = content().category("faq", "FAQ", "## Ready?\n\nYes.\n\n## Later? {.draft}\n\nSoon.\n")
			.file("next.md", "---\ntitle: Next\ndraft: true\n---\n## Planned?\n\nMaybe.\n");
		assertThat(content.load().questions()).extracting(Question::id).containsExactly("ready");
		assertThat(content.loadWithDrafts().questions()).extracting(Question::id)
			.containsExactly("ready", "later", "planned");
		assertThat(content.loadWithDrafts().question("faq", "later").orElseThrow().draft()).isTrue();
		content.category("links", "Links", "## Where?\n\n[Planned](next.md#planned).\n");
		assertThat(content.errors()).containsExactly(
				"links.md:6: broken link to 'next.md#planned': there is no next.md (or it is a draft) in the content folder");
	}

	@Test
	void checkGivesEveryAddressAndErrorWithoutStopping() {
		ContentCheck check = content()
			.file("faq.md", "---\ntitle: FAQ\nredirects:\n  old: install\n---\n## Install?\n\n[x](gone.md)\n")
			.file("bad name.md", "---\ntitle: X\n---\n")
			.check();
		assertThat(check.addresses()).containsExactly(
				new ContentCheck.Address("faq", "install", dir.resolve("faq.md"), 6, false),
				new ContentCheck.Address("faq", "old", dir.resolve("faq.md"), 4, true));
		assertThat(check.errors()).extracting(ContentError::toString)
			.containsExactly(
					dir.resolve("bad name.md")
							+ ": the file name must be a valid id (letters, digits, '-' and '_'), as it"
							+ " becomes the category's address",
					dir.resolve("faq.md")
							+ ":8: broken link to 'gone.md': there is no gone.md (or it is a draft) in the content folder");
		assertThat(check.unreadable()).containsExactly("bad name");
		assertThat(check.draftsLeftOut()).isFalse();
	}

}
