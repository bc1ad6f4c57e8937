package dev.faqkb.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.faqkb.site.Validator;

/**
 * Runs {@code import} (and {@code validate}) as the command line would, capturing what
 * they print.
 */
final class ImportCommand {

	/** What a run printed and returned. */
	record Result(int exit, String out, String err) {

		List<String> lines() {
			return out.lines().toList();
		}

	}

	private ImportCommand() {
	}

	static Result run(String... args) {
		return run(new PageFetcher(), args);
	}

	static Result run(PageFetcher fetcher, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Importer.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), fetcher);
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** {@code java -jar faqkb.jar validate DIR}, the check an author's CI runs. */
	static Result validate(Path dir) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = Validator.run(List.of(dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of a category file after its front matter and the blank line after it. */
	static String body(Path file) {
		String text = read(file);
		int close = text.indexOf("\n---\n", 3);
		return text.substring(close + 5).stripLeading();
	}

}
