package dev.faqkb.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing CSV and TSV exports of a help desk or a spreadsheet: one question a row.
 */
class SpreadsheetImportTest {

	@TempDir
	Path dir;

	private Path content() {
		return dir.resolve("content");
	}

	@Test
	void rowsBecomeOneFilePerCategoryWithColumnsInAnyOrderAndAnyCase() throws IOException {
		Path csv = ImportCommand.write(dir.resolve("export.csv"), """
				\uFEFFAnswer,Section,QUESTION,Category,id
				"Run the installer, then:

				```sh
				faqkb run
				```",,How do I install it?,General,install
				See [installing](#install).,Network,Which ports?,General,
				By card.,,How do I pay?,Billing & Payments,
				"Yes, with ""quotes"".",,Is it free?,General,
				""");
		ImportCommand.Result result = ImportCommand.run(csv.toString(), "--to", content().toString());
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(result.lines()).containsExactly(
				content().resolve("general.md") + ": wrote 3 question(s) from " + csv,
				content().resolve("billing--payments.md") + ": wrote 1 question(s) from " + csv,
				content() + ": 4 question(s) in 2 category file(s); 0 thing(s) not converted; the folder validates");
		assertThat(ImportCommand.read(content().resolve("general.md"))).isEqualTo("""
				---
				title: "General"
				---

				## How do I install it? {#install}

				Run the installer, then:

				```sh
				faqkb run
				```

				## Is it free?

				Yes, with "quotes".

				# Network

				## Which ports?

				See [installing](#install).
				""");
		assertThat(ImportCommand.read(content().resolve("billing--payments.md")))
			.isEqualTo("---\ntitle: \"Billing & Payments\"\n---\n\n## How do I pay?\n\nBy card.\n");
		assertThat(ImportCommand.validate(content()).exit()).isZero();

		byte[] first = Files.readAllBytes(content().resolve("general.md"));
		assertThat(ImportCommand.run(csv.toString(), "--to", content().toString(), "--force").exit()).isZero();
		assertThat(Files.readAllBytes(content().resolve("general.md"))).isEqualTo(first);
	}

	@Test
	void htmlAnswersOfATsvAreCleanedAndConvertedToMarkdown() {
		Path tsv = ImportCommand.write(dir.resolve("export.tsv"),
				String.join("\n", "category\tquestion\tanswer",
						"help\tHow do I save?\t<p>Click <b>Save</b> in {menu}.</p><p>1. Open it</p><h2>More</h2>"
								+ "<p onclick=\"steal()\">See <a href=\"/docs/save\">the docs</a> "
								+ "and <img src=\"https://example.com/save.png\" alt=\"Save button\"></p>"
								+ "<script>steal()</script><iframe src=\"https://example.com\"></iframe>"
								+ "<pre><code class=\"language-yaml\">a: {b: 1}</code></pre>",
						"help\tWhat is *new*?\tRead the **changelog**.", ""));
		ImportCommand.Result result = ImportCommand.run(tsv.toString(), "--to", content().toString(), "--base-url",
				"https://help.example.com/faq/");
		assertThat(result.lines()).first()
			.isEqualTo(tsv + ":2: the answer to 'How do I save?': <iframe>, <script> left out (cannot be shown in "
					+ "Markdown, or unsafe)");
		assertThat(ImportCommand.body(content().resolve("help.md"))).isEqualTo("""
				## How do I save?

				Click **Save** in \\{menu\\}.

				1\\. Open it

				### More

				See [the docs](https://help.example.com/docs/save) and ![Save button](https://example.com/save.png)

				```yaml
				a: {b: 1}
				```

				## What is \\*new\\*? {#what-is-new}

				Read the **changelog**.
				""");
		assertThat(ImportCommand.read(content().resolve("help.md"))).doesNotContain("steal", "onclick", "iframe");
		assertThat(ImportCommand.validate(content()).exit()).isZero();
	}

	@Test
	void missingColumnIsReportedAndNothingIsWritten() {
		Path csv = ImportCommand.write(dir.resolve("export.csv"), "category,question,reply\ngeneral,Why?,Because.\n");
		ImportCommand.Result result = ImportCommand.run(csv.toString(), "--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(csv + ":1: missing column(s) answer: the first row must name the "
				+ "columns category, question and answer (optionally id and section), in any order; it has category, "
				+ "question, reply", "nothing written: a source could not be read");
		assertThat(content()).doesNotExist();
	}

	@Test
	void rowsThatCannotBeImportedAreReportedAtTheirLineAndTheOthersWritten() {
		Path csv = ImportCommand.write(dir.resolve("export.csv"), """
				category,question,answer,votes,id
				general,"A question
				over two lines?",Yes.,3,
				general,Where is the answer?,,1,
				,Which category?,None.,0,
				???,Odd category?,Yes.,0,
				general,Not an id?,Yes.,0,not an id
				""");
		ImportCommand.Result result = ImportCommand.run(csv.toString(), "--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				csv + ":1: column(s) votes not imported (known: category, question, answer, id, section)",
				csv + ":4: row with an empty answer: left out", csv + ":5: row with an empty category: left out",
				csv + ":6: the category '???' gives no usable file name (letters, digits, '-' and '_'): row left out",
				csv + ":7: 'not an id' is not a valid id (letters, digits, '-' and '_'): the question's id is its slug "
						+ "'not-an-id'",
				content().resolve("general.md") + ": wrote 2 question(s) from " + csv,
				content() + ": 2 question(s) in 1 category file(s); 5 thing(s) not converted; the folder validates");
		assertThat(ImportCommand.body(content().resolve("general.md")))
			.isEqualTo("## A question over two lines?\n\nYes.\n\n## Not an id?\n\nYes.\n");
	}

	@Test
	void unterminatedQuoteIsReportedAndNothingIsWritten() {
		Path csv = ImportCommand.write(dir.resolve("export.csv"),
				"category,question,answer\ngeneral,Why?,\"Because.\n");
		ImportCommand.Result result = ImportCommand.run(csv.toString(), "--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines().get(0)).startsWith(csv + ": not valid CSV: ");
		assertThat(content()).doesNotExist();
	}

}
