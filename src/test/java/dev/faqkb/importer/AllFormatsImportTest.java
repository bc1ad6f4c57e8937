package dev.faqkb.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team trying faqkb: a Sphinx page, a spreadsheet and two web pages imported into one
 * content folder, which {@code validate} accepts; importing them again, as a team does
 * until it switches, changes no byte.
 */
class AllFormatsImportTest {

	@TempDir
	Path dir;

	@Test
	void everyFormatImportedTogetherValidatesAndReimportsByteForByte() throws IOException {
		Path rst = ImportCommand.write(dir.resolve("docs/install.rst"), """
				Installing
				==========

				.. _linux:

				How do I install it on Linux?
				-----------------------------

				Use the package; see :ref:`linux`.
				""");
		Path csv = ImportCommand.write(dir.resolve("export.csv"), """
				category,question,answer,id
				Billing,How do I pay?,"<p>By <b>card</b>; see <a href=""https://example.com/pay"">payment</a>.</p>",pay
				Billing,Can I get an invoice?,"Yes: it is in [your account](https://example.com/account).",
				""");
		Path jsonLd = copy("faq-jsonld.html");
		Path microdata = copy("faq-microdata.html");
		Path content = dir.resolve("content");
		String[] args = { rst.toString(), csv.toString(), jsonLd.toString(), microdata.toString(), "--to",
				content.toString() };

		ImportCommand.Result first = ImportCommand.run(args);
		assertThat(first.lines()).last()
			.asString()
			.isEqualTo(
					content + ": 7 question(s) in 4 category file(s); 1 thing(s) not converted; the folder validates");
		ImportCommand.Result validated = ImportCommand.validate(content);
		assertThat(validated.exit()).as(validated.out()).isZero();
		assertThat(validated.out()).isEqualTo(content + ": 7 questions in 4 categories, no errors\n");
		assertThat(ImportCommand.body(content.resolve("install.md"))).isEqualTo(
				"## How do I install it on Linux? {#linux}\n\nUse the package; see [How do I install it on Linux?](#linux).\n");
		assertThat(ImportCommand.body(content.resolve("billing.md")))
			.startsWith("## How do I pay? {#pay}\n\n" + "By **card**; see [payment](https://example.com/pay).\n");

		Map<Path, byte[]> before = files(content);
		ImportCommand.Result again = ImportCommand.run(args);
		assertThat(again.lines()).filteredOn(line -> line.contains(": unchanged, ")).hasSize(4);
		assertThat(files(content)).containsExactlyEntriesOf(before);
		List<String> forced = Stream.concat(Stream.of(args), Stream.of("--force")).toList();
		ImportCommand.run(forced.toArray(String[]::new));
		assertThat(files(content)).containsExactlyEntriesOf(before);
	}

	private Path copy(String fixture) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/importer/" + fixture)) {
			Path file = dir.resolve(fixture);
			Files.write(file, in.readAllBytes());
			return file;
		}
	}

	private static Map<Path, byte[]> files(Path folder) throws IOException {
		Map<Path, byte[]> files = new LinkedHashMap<>();
		try (Stream<Path> listing = Files.list(folder)) {
			for (Path file : listing.sorted().toList()) {
				files.put(file.getFileName(), Files.readAllBytes(file));
			}
		}
		return files;
	}

}
