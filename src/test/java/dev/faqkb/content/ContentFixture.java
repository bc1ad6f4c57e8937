package dev.faqkb.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way content tests make a content folder: files written into a {@code @TempDir}, then loaded or checked
 * the way the application does.
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

	/** The catalog as served with drafts hidden (the default). */
	public Catalog load() {
		return new ContentLoader(new MarkdownRenderer(), false).load(dir);
	}

	/** The catalog as a preview server serves it, drafts included. */
	public Catalog loadWithDrafts() {
		return new ContentLoader(new MarkdownRenderer(), true).load(dir);
	}

	/** What the validator sees, drafts hidden. */
	public ContentCheck check() {
		return new ContentLoader(new MarkdownRenderer(), false).check(dir);
	}

	/**
	 * The errors that stop loading, each as {@code path:line: message} with the path relative to the folder.
	 * @throws AssertionError when the content loads without errors
	 */
	public List<String> errors() {
		try {
			load();
		}
		catch (ContentException ex) {
			return ex.errors()
				.stream()
				.map(error -> dir.relativize(error.file()) + ":" + error.line() + ": " + error.message())
				.toList();
		}
		throw new AssertionError("expected content errors in " + dir);
	}

}
