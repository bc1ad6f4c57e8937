package dev.faqkb.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a content folder: which are category files, and their text.
 */
final class ContentFolder {

	private ContentFolder() {
	}

	/** The category files ({@code *.md}) directly in {@code dir}, sorted by name. */
	static List<Path> categoryFiles(Path dir) throws IOException {
		try (Stream<Path> listing = Files.list(dir)) {
			return listing.filter(file -> file.getFileName().toString().endsWith(".md"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
	}

	/** The category id a file name gives: its name without {@code .md}. */
	static String categoryId(Path file) {
		return file.getFileName().toString().replaceFirst("\\.md$", "");
	}

	/**
	 * The file's text with {@code \n} line ends, or {@code null} (and an error) when it
	 * cannot be read.
	 */
	static String read(Path file, List<ContentError> errors) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			errors.add(new ContentError(file, 0, "cannot read: " + ex.getMessage()));
			return null;
		}
	}

}
