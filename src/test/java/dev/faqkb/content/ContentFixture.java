package dev.faqkb.content;

import java.nio.file.Path;
import java.util.List;

import dev.faqkb.TestContent;

/**
 * The one way content tests make a content folder: files written into a {@code @TempDir}
 * through {@link TestContent}, the tests' one content builder, then loaded or checked the
 * way the application does.
 */
public final class ContentFixture {

	private final Path dir;

	private final TestContent content;

	public ContentFixture(Path dir) {
		this.dir = dir;
		this.content = TestContent.in(dir);
	}

	public Path dir() {
		return dir;
	}

	public ContentFixture file(String name, String text) {
		content.file(name, text);
		return this;
	}

	/**
	 * A file of any bytes, such as an image; {@code name} may name a folder too
	 * ({@code img/flow.png}).
	 */
	public ContentFixture file(String name, byte[] content) {
		this.content.file(name, content);
		return this;
	}

	/** A category file with front matter {@code title: <title>} and the given body. */
	public ContentFixture category(String id, String title, String body) {
		content.category(id, title, body);
		return this;
	}

	/** The catalog as served with drafts hidden (the default). */
	public Catalog load() {
		return new ContentLoader(new MarkdownRenderer(), false).load(dir);
	}

	/** Every language's catalog, drafts hidden. */
	public Editions loadAll() {
		return new ContentLoader(new MarkdownRenderer(), false).loadAll(dir);
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
	 * The errors that stop loading, each as {@code path:line: message} with the path
	 * relative to the folder.
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
