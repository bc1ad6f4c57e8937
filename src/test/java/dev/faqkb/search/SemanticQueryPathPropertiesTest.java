package dev.faqkb.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.faqkb.RandomText;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.semantic.SemanticFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query path of {@link QueryPathPropertiesTest} with the real embedding model ranking
 * by meaning too: any text a visitor can type, lone surrogates, control characters and
 * 256 characters of emoji or CJK included, gets an answer, never an error. Fewer inputs
 * than the lexical properties: each costs the model a few milliseconds.
 */
class SemanticQueryPathPropertiesTest {

	static final int INPUTS = 300;

	@TempDir
	static Path content;

	static SearchIndex index;

	@BeforeAll
	static void load() throws Exception {
		Files.writeString(content.resolve("python.md"), SearchIndexTest.PYTHON);
		Files.writeString(content.resolve("zh.md"), QueryBudgetTest.CHINESE);
		Files.writeString(content.resolve("tricky.md"), QueryPathPropertiesTest.TRICKY);
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		index = SemanticFixture.withVectors(new SearchIndex(catalog), catalog);
	}

	@AfterAll
	static void close() throws Exception {
		index.close();
	}

	@Test
	void searchByWordsAndMeaningAnswersAnyText() {
		List<String> texts = new ArrayList<>(RandomText.edgeCases());
		texts.addAll(new RandomText(QueryPathPropertiesTest.SEED).texts(INPUTS));
		List<String> failures = new ArrayList<>();
		for (String text : texts) {
			try {
				SearchResults results = index.search(text, null, 0, 10);
				assertThat(results.hits()).hasSizeLessThanOrEqualTo(10)
					.allSatisfy(hit -> assertThat(hit.match()).isNotNull());
				assertThat(results.total()).isGreaterThanOrEqualTo(results.hits().size());
			}
			catch (AssertionError | RuntimeException ex) {
				failures.add(RandomText.show(text) + ": " + ex);
			}
		}
		assertThat(failures).as("inputs of seed %d that fail", QueryPathPropertiesTest.SEED).isEmpty();
	}

}
