package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.Editions;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.semantic.SemanticFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled French queries of ../shared/eval on the Python FAQ served in English (the
 * default language) and French ({@code content/fr/}), searched under {@code /fr/} as the
 * site searches them: by words, analysed as French, and by the English originals' vectors
 * with the query carried into English words ({@link WordTranslation}). Prints MRR@10,
 * Recall@1 and Recall@5 overall and per kind of query, words alone and with the
 * originals, the cross-validation of the blend, and fails below the bar.
 */
@SharedTestData({ "corpora/python-faq", "corpora/python-faq-fr", "eval/dev-queries-fr.tsv" })
class TranslatedSearchQualityTest {

	static final Path FRENCH = Path.of("../shared/corpora/python-faq-fr");

	static final Path FRENCH_QUERIES = Path.of("../shared/eval/dev-queries-fr.tsv");

	// Words alone, as a site without the model searches: 0.777 / 0.833 (bench/README.md)
	static final double MIN_MRR = 0.75;

	static final double MIN_RECALL_AT_5 = 0.80;

	// Issue 20's bar, reached through the English originals (0.878 / 0.933 measured,
	// 0.874 /
	// 0.930 held out; bench/README.md)
	static final double MIN_TRANSLATED_MRR = 0.85;

	static final double MIN_TRANSLATED_RECALL_AT_5 = 0.92;

	@Test
	void frenchDevQueriesFindTheirAnswersInTheFrenchTranslation(@TempDir Path content) throws Exception {
		copy(SearchQualityTest.CORPUS, content);
		copy(FRENCH, content.resolve("fr"));
		Editions editions = new ContentLoader(new MarkdownRenderer(), false).loadAll(content);
		Catalog english = editions.original();
		Catalog french = editions.translations().get("fr");
		assertThat(french.untranslated()).as("the French corpus translates every question").isEmpty();
		Map<String, float[]> embedded = new ConcurrentHashMap<>();
		Function<String, float[]> encoder = SemanticFixture.encoder();
		Function<String, float[]> memo = query -> embedded.computeIfAbsent(query, encoder);
		try (SearchIndex originals = new SearchIndex(english); SearchIndex index = new SearchIndex(french)) {
			SearchQualityTest.Report lexical = SearchQualityTest.evaluate(index, FRENCH_QUERIES);
			System.out.println("Search quality on " + FRENCH_QUERIES + " under /fr/, lexical:");
			System.out.println(lexical.text());
			originals.useVectors(Vectors.of(SemanticFixture.embed(english, 1)), memo);
			SearchQualityTest.Report shipped;
			try (SearchIndex translated = new SearchIndex(french, null, originals)) {
				System.out.println("French queries carried into English words:");
				SearchQualityTest.queries(FRENCH_QUERIES)
					.forEach(row -> System.out.println("  " + row[2] + " -> " + translated.translated(row[2])));
				shipped = SearchQualityTest.evaluate(translated, FRENCH_QUERIES);
				System.out.println("Search quality on " + FRENCH_QUERIES
						+ " under /fr/, words and the English originals' vectors (shipped):");
				System.out.println(shipped.text());
			}
			// the English grid, widened towards less meaning and stricter gates, where
			// the
			// French halves chose
			List<Blend> grid = SearchQualityTest.grid(new float[] { 0.4f, 0.5f, 0.6f, 0.8f },
					new float[] { 0.2f, 0.4f }, new float[] { 0.50f, 0.45f, 0.40f, 0.35f },
					new float[] { 0.35f, 0.30f });
			System.out.println(SearchQualityTest.crossValidation(grid, blend -> {
				try (SearchIndex translated = new SearchIndex(french, null, originals, blend)) {
					return SearchQualityTest.evaluate(translated, FRENCH_QUERIES);
				}
			}, Blend.TRANSLATED, lexical));
			// What the English model does with French text, measured, not shipped
			index.useVectors(Vectors.of(SemanticFixture.embed(french, 1)), memo);
			System.out
				.println("Search quality on " + FRENCH_QUERIES + " under /fr/, with the English model on French text:");
			System.out.println(SearchQualityTest.evaluate(index, FRENCH_QUERIES).text());
			assertThat(lexical.overall().mrr()).as("French MRR@10, words alone").isGreaterThanOrEqualTo(MIN_MRR);
			assertThat(lexical.overall().recall5()).as("French Recall@5, words alone")
				.isGreaterThanOrEqualTo(MIN_RECALL_AT_5);
			assertThat(shipped.overall().mrr()).as("French MRR@10").isGreaterThanOrEqualTo(MIN_TRANSLATED_MRR);
			assertThat(shipped.overall().recall5()).as("French Recall@5")
				.isGreaterThanOrEqualTo(MIN_TRANSLATED_RECALL_AT_5);
			assertThat(shipped.nomatchTotals()).as("queries without an answer gain no results by meaning")
				.containsExactly(lexical.nomatchTotals());
		}
	}

	static void copy(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

}
