package dev.faqkb.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar faqkb.jar import}: what it refuses, what it never overwrites, and that
 * a re-import changes nothing.
 */
class ImporterCommandTest {

	private static final String FAQ = """
			General
			=======

			How do I install it?
			--------------------

			Run the installer.
			""";

	@TempDir
	Path dir;

	private Path source() {
		return ImportCommand.write(dir.resolve("general.rst"), FAQ);
	}

	private Path content() {
		return dir.resolve("content");
	}

	@Test
	void existingFileThatDiffersIsNotReplacedWithoutForceAndNothingIsWritten() {
		Path source = source();
		Path mine = ImportCommand.write(content().resolve("general.md"), "---\ntitle: Mine\n---\n\n## Q?\n\nA.\n");
		ImportCommand.write(dir.resolve("billing.rst"), "Billing\n=======\n\nDo you bill?\n------------\n\nYes.\n");
		ImportCommand.Result result = ImportCommand.run(source.toString(), dir.resolve("billing.rst").toString(),
				"--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				mine + ": exists and differs from the import; run again with --force to replace it",
				"nothing written: 1 file(s) would be replaced");
		assertThat(ImportCommand.read(mine)).isEqualTo("---\ntitle: Mine\n---\n\n## Q?\n\nA.\n");
		assertThat(content().resolve("billing.md")).doesNotExist();
	}

	@Test
	void forceReplacesAnExistingFile() {
		Path source = source();
		Path mine = ImportCommand.write(content().resolve("general.md"), "---\ntitle: Mine\n---\n\n## Q?\n\nA.\n");
		ImportCommand.Result result = ImportCommand.run(source.toString(), "--to", content().toString(), "--force");
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(result.lines()).first().isEqualTo(mine + ": wrote 1 question(s) from " + source);
		assertThat(ImportCommand.read(mine)).contains("## How do I install it?");
	}

	@Test
	void reimportingTheSameSourceGivesTheSameBytesAndNeedsNoForce() throws IOException {
		Path source = source();
		assertThat(ImportCommand.run(source.toString(), "--to", content().toString()).exit()).isZero();
		byte[] first = Files.readAllBytes(content().resolve("general.md"));
		ImportCommand.Result again = ImportCommand.run(source.toString(), "--to", content().toString());
		assertThat(again.exit()).as(again.out()).isZero();
		assertThat(again.lines()).first()
			.isEqualTo(content().resolve("general.md") + ": unchanged, 1 question(s) from " + source);
		assertThat(Files.readAllBytes(content().resolve("general.md"))).isEqualTo(first);
		assertThat(ImportCommand.run(source.toString(), "--to", content().toString(), "--force").exit()).isZero();
		assertThat(Files.readAllBytes(content().resolve("general.md"))).isEqualTo(first);
	}

	@Test
	void symbolicLinkAtTheFilesNameIsReplacedNotFollowedOutOfTheFolder() throws IOException {
		Path source = source();
		Path outside = ImportCommand.write(dir.resolve("outside.md"), "keep me\n");
		Files.createDirectories(content());
		Files.createSymbolicLink(content().resolve("general.md"), outside);
		ImportCommand.Result result = ImportCommand.run(source.toString(), "--to", content().toString(), "--force");
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(ImportCommand.read(outside)).isEqualTo("keep me\n");
		assertThat(Files.isSymbolicLink(content().resolve("general.md"))).isFalse();
		assertThat(ImportCommand.read(content().resolve("general.md"))).contains("## How do I install it?");
	}

	@Test
	void sourceThatIsNotUtf8WritesNothing() throws IOException {
		Path source = dir.resolve("latin1.rst");
		Files.write(source,
				"Caf\u00e9\n====\n\nOui?\n----\n\nNon.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		ImportCommand.Result result = ImportCommand.run(source.toString(), "--to", content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(source + ": not UTF-8 text: save it as UTF-8 and import it again",
				"nothing written: a source could not be read");
		assertThat(content()).doesNotExist();
	}

	@Test
	void twoSourcesGivingTheSameCategoryWriteNothing() {
		Path source = source();
		Path other = ImportCommand.write(dir.resolve("other").resolve("general.rst"), FAQ);
		ImportCommand.Result result = ImportCommand.run(source.toString(), other.toString(), "--to",
				content().toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out())
			.contains("nothing written: " + other + " and " + source + " both give the category 'general'");
		assertThat(content()).doesNotExist();
	}

	@Test
	void addressWithAnotherSchemeIsAUsageError() {
		for (String address : new String[] { "ftp://example.com/faq.html", "file:///etc/passwd",
				"javascript:alert(1)" }) {
			ImportCommand.Result result = ImportCommand.run(address, "--to", content().toString());
			assertThat(result.exit()).isEqualTo(2);
			assertThat(result.err()).startsWith("faqkb import: '" + address
					+ "': only http:// and https:// addresses can be imported (give a file by its path)\nusage: ");
		}
		assertThat(content()).doesNotExist();
	}

	@Test
	void missingToIsAUsageError() {
		ImportCommand.Result result = ImportCommand.run(source().toString());
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).isEqualTo(
				"faqkb import: --to DIR is required: the content folder to write into\n" + Importer.USAGE + "\n");
	}

	@Test
	void unknownOptionMissingFileAndUnknownKindAreUsageErrors() {
		assertThat(ImportCommand.run(source().toString(), "--to", "x", "--overwrite").err())
			.startsWith("faqkb import: unknown option '--overwrite'\n");
		assertThat(ImportCommand.run(dir.resolve("nowhere.rst").toString(), "--to", "x").err())
			.startsWith("faqkb import: no file at '" + dir.resolve("nowhere.rst") + "'\n");
		Path pdf = ImportCommand.write(dir.resolve("faq.pdf"), "%PDF");
		ImportCommand.Result result = ImportCommand.run(pdf.toString(), "--to", "x");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).startsWith("faqkb import: '" + pdf + "': unknown kind of source; give a .rst, .csv, "
				+ ".tsv or .html file, or an http(s) address\n");
		assertThat(ImportCommand.run(source().toString(), "--to", "x", "--base-url", "docs.example.com").err())
			.startsWith("faqkb import: --base-url must be an http:// or https:// address, got 'docs.example.com'\n");
		assertThat(ImportCommand.run(source().toString(), "--to", "x", "--question-level", "4").exit()).isEqualTo(2);
	}

	@Test
	void helpPrintsUsageAndExitsZero() {
		ImportCommand.Result result = ImportCommand.run("--help");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).startsWith(Importer.USAGE + "\n");
	}

}
