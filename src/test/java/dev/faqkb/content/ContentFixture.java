package dev.faqkb.content;

import java.nio.file.Path;

import dev.faqkb.TestContent;

/**
 * Writes content files into a temporary folder for tests and loads them: {@link TestContent}, the tests' one
 * content builder, plus {@link #load()}.
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

	/** A category file with front matter {@code title: <title>} and the given body. */
	public ContentFixture category(String id, String title, String body) {
		content.category(id, title, body);
		return this;
	}

	public Catalog load() {
		return new ContentLoader(new MarkdownRenderer(), false).load(dir);
	}

}
