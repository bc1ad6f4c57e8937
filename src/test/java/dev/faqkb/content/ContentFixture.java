package dev.faqkb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes content files into a temporary folder for tests.
 */
public final class ContentFixture {

	private final Path dir;

	public ContentFixture(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return dir;
	}

	public ContentFixture file(String name, String text) {
		try {
			Files.writeString(dir.resolve(name), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** A category file with front matter {@code title: <title>} and the given body. */
	public ContentFixture category(String id, String title, String body) {
		return file(id + ".md", "---\ntitle: " + title + "\n---\n" + body);
	}

	public Catalog load() {
		return new ContentLoader(new MarkdownRenderer(), false).load(dir);
	}

}
