package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.semantic.SemanticFixture;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every behaviour of {@link SearchIndexTest} (exact phrases first, typos, identifiers,
 * prefixes, facets, ...) again with the vectors ready: ranking by meaning too must not
 * lose any of them.
 */
class SearchIndexWithVectorsTest extends SearchIndexTest {

	// hides SearchIndexTest.load(): the same content, then the vectors
	@BeforeAll
	static void load() throws IOException {
		Files.writeString(content.resolve("python.md"), PYTHON);
		Files.copy(Path.of("content/general.md"), content.resolve("general.md"), StandardCopyOption.REPLACE_EXISTING);
		catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		try {
			index = SemanticFixture.withVectors(new SearchIndex(catalog), catalog);
		}
		catch (Exception ex) {
			throw new IOException("cannot embed the questions", ex);
		}
	}

}
