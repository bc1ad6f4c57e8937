package dev.faqkb.importer;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing Sphinx reStructuredText pages: what each construct of the documented subset
 * becomes, and what is reported instead of converted.
 */
class RstImportTest {

	@TempDir
	Path dir;

	private Path content() {
		return dir.resolve("content");
	}

	private Path page(String name, String text) {
		return ImportCommand.write(dir.resolve("docs").resolve(name), text);
	}

	private ImportCommand.Result importing(String... sources) {
		String[] args = new String[sources.length + 2];
		System.arraycopy(sources, 0, args, 0, sources.length);
		args[sources.length] = "--to";
		args[sources.length + 1] = content().toString();
		return ImportCommand.run(args);
	}

	@Test
	void pageTitleIsTheCategoryAndSecondLevelTitlesAreQuestions() {
		Path faq = page("billing.rst", """
				.. meta::
				   :description: Paying for it.

				Billing
				=======

				Questions about invoices.

				How do I pay?
				-------------

				By card.

				Payment methods
				~~~~~~~~~~~~~~~

				Visa and Mastercard.

				Can I get an invoice?
				---------------------

				Yes.
				""");
		ImportCommand.Result result = importing(faq.toString());
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(ImportCommand.read(content().resolve("billing.md"))).isEqualTo("""
				---
				title: "Billing"
				description: "Paying for it."
				---

				Questions about invoices.

				## How do I pay?

				By card.

				### Payment methods

				Visa and Mastercard.

				## Can I get an invoice?

				Yes.
				""");
	}

	@Test
	void secondLevelTitlesThatAskNoQuestionsAreSectionsOfTheThirdLevelsQuestions() {
		Path faq = page("programming.rst", """
				===========
				Programming
				===========

				General Questions
				=================

				Is there a debugger?
				--------------------

				Yes.

				Core Language
				=============

				Why is it slow?
				---------------

				It is not.
				""");
		assertThat(importing(faq.toString()).exit()).isZero();
		assertThat(ImportCommand.body(content().resolve("programming.md"))).isEqualTo("""
				# General Questions

				## Is there a debugger?

				Yes.

				# Core Language

				## Why is it slow?

				It is not.
				""");
	}

	@Test
	void questionLevelOptionOverridesTheGuess() {
		Path faq = page("guide.rst", """
				Guide
				=====

				Install
				-------

				Download it.

				Linux
				~~~~~

				Use the package.
				""");
		ImportCommand.Result result = ImportCommand.run(faq.toString(), "--to", content().toString(),
				"--question-level", "3");
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(ImportCommand.body(content().resolve("guide.md"))).isEqualTo("""
				# Install

				Download it.

				## Linux

				Use the package.
				""");
	}

	@Test
	void bodyElementsAndInlineMarkupBecomeMarkdown() {
		Path faq = page("general.rst", """
				General
				=======

				How do I start?
				---------------

				Run *one* command, **not** two: ``faqkb run``. See `the site <https://example.com/a_(b)>`_,
				the `guide`_, an `anonymous link`__ and https://example.com/x. Mail help@example.com.
				Stars \\*stay\\* and {braces} are text; a :kbd:`Ctrl+C` and :guilabel:`&Save`.

				.. _guide: https://example.com/guide
				__ https://example.com/anonymous

				- first
				- second

				  - nested

				#. one
				#. two

				Run this::

				    faqkb run --port 8080

				.. code-block:: python
				   :linenos:

				   print("hi")

				.. note:: Notes become callouts,
				   over two lines.

				.. warning::

				   Careful.

				   - a list inside

				|version| is out.

				    A quote.

				Term
				    Its definition.

				.. |version| replace:: Version *2*
				""");
		ImportCommand.Result result = importing(faq.toString());
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(ImportCommand.body(content().resolve("general.md"))).isEqualTo(
				"""
						## How do I start?

						Run *one* command, **not** two: `faqkb run`. See [the site](https://example.com/a_%28b%29), the [guide](https://example.com/guide), an [anonymous link](https://example.com/anonymous) and <https://example.com/x>. Mail <help@example.com>. Stars \\*stay\\* and \\{braces\\} are text; a `Ctrl+C` and **Save**.

						- first
						- second
						  - nested

						1. one
						2. two

						Run this:

						```
						faqkb run --port 8080
						```

						```python
						print("hi")
						```

						> [!NOTE]
						> Notes become callouts, over two lines.

						> [!WARNING]
						> Careful.
						>
						> - a list inside

						Version *2* is out.

						> A quote.

						**Term**

						Its definition.
						""");
		assertThat(ImportCommand.validate(content()).exit()).isZero();
	}

	@Test
	void labelsBecomeIdsAndRefsBetweenImportedPagesBecomeCheckedLinks() {
		Path general = page("general.rst", """
				General
				=======

				.. _install:

				How do I install it?
				--------------------

				See :ref:`ports` and :ref:`the same page <install>`, or :doc:`billing`.
				""");
		Path setup = page("setup.rst", """
				Setup
				=====

				.. _ports:

				Which ports?
				------------

				Port 80. Back to :ref:`installing <install>`; `Which ports?`_ is this one.
				""");
		Path billing = page("billing.rst", "Billing\n=======\n\nDo you bill?\n------------\n\nYes.\n");
		ImportCommand.Result result = importing(general.toString(), setup.toString(), billing.toString());
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(ImportCommand.body(content().resolve("general.md"))).isEqualTo("""
				## How do I install it? {#install}

				See [Which ports?](setup.md#ports) and [the same page](#install), or [Billing](billing.md).
				""");
		assertThat(ImportCommand.body(content().resolve("setup.md"))).isEqualTo("""
				## Which ports? {#ports}

				Port 80. Back to [installing](general.md#install); [Which ports?](#ports) is this one.
				""");
		assertThat(ImportCommand.validate(content()).exit()).isZero();
	}

	@Test
	void refsAndDocsOutsideTheImportedPagesLinkToTheBaseUrl() {
		Path faq = page("faq.rst", """
				FAQ
				===

				Where are the docs?
				-------------------

				In :doc:`the guide </admin/guide>`, :ref:`upgrading <admin/upgrade:Before you upgrade>` and
				.. image:: img/logo.png
				""".replace("and\n.. image::", "and :doc:`../other`.\n\n.. image::") + "   :alt: Logo\n");
		ImportCommand.Result result = ImportCommand.run(faq.toString(), "--to", content().toString(), "--base-url",
				"https://docs.example.com/en/");
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(ImportCommand.body(content().resolve("faq.md"))).isEqualTo(
				"""
						## Where are the docs?

						In [the guide](https://docs.example.com/en/admin/guide.html), [upgrading](https://docs.example.com/en/admin/upgrade.html#before-you-upgrade) and [../other](https://docs.example.com/other.html).

						![Logo](https://docs.example.com/en/img/logo.png)
						""");
	}

	@Test
	void unknownDirectiveIsReportedWithItsLinesAndLeftOutWhileTheRestIsWritten() {
		Path faq = page("faq.rst", """
				FAQ
				===

				Which platforms?
				----------------

				All of them.

				.. tabs::

				   .. tab:: Linux

				      apt install it

				Anything else?
				--------------

				No.
				""");
		ImportCommand.Result result = importing(faq.toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				faq + ":9: unknown directive 'tabs': left out (lines 9-13); convert it by hand",
				content().resolve("faq.md") + ": wrote 2 question(s) from " + faq,
				content() + ": 2 question(s) in 1 category file(s); 1 thing(s) not converted; the folder validates");
		assertThat(ImportCommand.read(content().resolve("faq.md"))).contains("All of them.\n\n## Anything else?")
			.doesNotContain("apt install");
	}

	@Test
	void whatHasNoMarkdownEquivalentIsReportedWithItsLine() {
		Path faq = page("faq.rst", """
				FAQ
				===

				What does it cost?
				------------------

				=====  =====
				Plan   Price
				=====  =====
				Free   0
				=====  =====

				See the footnote [#]_ and :math:`x^2` and |nothing| and `nowhere`_.

				.. [#] A footnote.

				.. code-block:: yaml
				   :caption: Config
				   :emphasize-lines: 1
				   :lineno-match:

				   a: 1

				Ends with a colon::

				Nothing indented follows.
				""");
		ImportCommand.Result result = importing(faq.toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).startsWith(
				faq + ":7: table not converted to Markdown: kept as preformatted text (lines 7-11)",
				faq + ":13: footnote and citation references are not converted: [#] left out",
				faq + ":13: unknown role ':math:': 'x^2' kept as plain text",
				faq + ":13: unknown substitution |nothing|: kept as plain text",
				faq + ":13: unknown target name 'nowhere': kept as plain text",
				faq + ":15: footnotes and citations are not converted: left out",
				faq + ":17: option ':lineno-match:' of 'code-block' is not converted: left out",
				faq + ":24: '::' announces a literal block, but no indented block follows it");
		assertThat(ImportCommand.body(content().resolve("faq.md"))).contains("""
				```
				=====  =====
				Plan   Price
				=====  =====
				Free   0
				=====  =====
				```""").contains("*Config*\n\n```yaml\na: 1\n```");
		assertThat(ImportCommand.validate(content()).exit()).isZero();
	}

	@Test
	void headingsInAnAnswerNeverStartQuestions() {
		Path faq = page("faq.rst", """
				FAQ
				===

				Why?
				----

				Because.

				Details
				~~~~~~~

				More.

				Even more
				^^^^^^^^^

				Most.
				""");
		assertThat(importing(faq.toString()).exit()).isZero();
		assertThat(ImportCommand.body(content().resolve("faq.md")))
			.isEqualTo("## Why?\n\nBecause.\n\n### Details\n\nMore.\n\n#### Even more\n\nMost.\n");
	}

	@Test
	void questionTextWithMarkupKeepsItsSlugAsAnExplicitId() {
		Path faq = page("faq.rst", """
				FAQ
				===

				What does ``--force`` do?
				-------------------------

				Replaces files.

				What does ``--force`` do?
				-------------------------

				Asked twice.
				""");
		ImportCommand.Result result = importing(faq.toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).first()
			.isEqualTo(faq + ":9: the id 'what-does---force-do' is taken by the question on line 4: this one is "
					+ "'what-does---force-do-2'; give it an id of its own");
		assertThat(ImportCommand.body(content().resolve("faq.md"))).isEqualTo("""
				## What does `--force` do? {#what-does---force-do}

				Replaces files.

				## What does `--force` do? {#what-does---force-do-2}

				Asked twice.
				""");
		assertThat(ImportCommand.validate(content()).exit()).isZero();
	}

}
