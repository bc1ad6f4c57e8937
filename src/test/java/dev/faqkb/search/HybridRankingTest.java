package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link Blend}'s two thresholds with vectors made by hand (no model): a query's
 * meaning counts only when its nearest question reaches the gate, and then every question
 * from the floor up is a result by meaning.
 */
class HybridRankingTest {

	@TempDir
	static Path content;

	static Catalog catalog;

	static SearchIndex index;

	static int dimensions;

	// what the encoder was asked to embed
	static final Map<String, Boolean> embedded = new ConcurrentHashMap<>();

	// the query vectors the tests chose, by query
	static final Map<String, float[]> queries = new ConcurrentHashMap<>();

	@BeforeAll
	static void load() throws IOException {
		Files.writeString(content.resolve("python.md"), SearchIndexTest.PYTHON);
		catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		index = new SearchIndex(catalog);
		// question i is the unit vector e(i); one more dimension takes up the rest of a
		// query's length
		dimensions = catalog.questions().size() + 1;
		float[][] vectors = new float[catalog.questions().size()][];
		for (int i = 0; i < vectors.length; i++) {
			vectors[i] = new float[dimensions];
			vectors[i][i] = 1f;
		}
		index.useVectors(Vectors.of(vectors), query -> {
			if (query.contains("refused")) {
				throw new IllegalStateException("the model refuses this text");
			}
			embedded.put(query, true);
			return queries.getOrDefault(query, query(Map.of()));
		});
	}

	/**
	 * A unit vector with these cosine similarities to the questions of these texts, the
	 * rest elsewhere.
	 */
	static float[] query(Map<String, Float> similarities) {
		float[] vector = new float[dimensions];
		float rest = 1f;
		for (Map.Entry<String, Float> entry : similarities.entrySet()) {
			vector[ordinal(entry.getKey())] = entry.getValue();
			rest -= entry.getValue() * entry.getValue();
		}
		vector[dimensions - 1] = (float) Math.sqrt(rest);
		return vector;
	}

	static int ordinal(String question) {
		List<Question> questions = catalog.questions();
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).text().equals(question)) {
				return i;
			}
		}
		throw new IllegalArgumentException(question);
	}

	static final String PYC = "How do I create a .pyc file?";

	static final String CONFIGURATION = "How do I change the default configuration?";

	static final String LINES = "How do I read a file line by line?";

	@Test
	void aQueryWhoseNearestQuestionIsBelowTheGateFindsNothingByMeaning() {
		// no word of it is in the FAQ, and its nearest question is less similar than the
		// gate
		queries.put("zyxwv qwpt", query(Map.of(PYC, Blend.DEFAULT.gate() - 0.02f)));
		SearchResults results = index.search("zyxwv qwpt", null, 0, 10);
		assertThat(results.total()).isZero();
		assertThat(results.hits()).isEmpty();
	}

	@Test
	void aQueryThatMeansSomethingFindsEveryQuestionFromTheFloorUp() {
		queries.put("zyxwv frobnicate", query(
				Map.of(PYC, 0.6f, CONFIGURATION, Blend.DEFAULT.floor() + 0.01f, LINES, Blend.DEFAULT.floor() - 0.05f)));
		SearchResults results = index.search("zyxwv frobnicate", null, 0, 10);
		assertThat(results.hits()).extracting(hit -> hit.question().text()).containsExactly(PYC, CONFIGURATION);
		assertThat(results.hits()).extracting(SearchHit::match).containsOnly(Match.SEMANTIC);
		assertThat(results.total()).isEqualTo(2);
	}

	@Test
	void aQuestionThatMatchesByWordsAndMeaningSaysBoth() {
		queries.put("default settings", query(Map.of(CONFIGURATION, 0.7f)));
		SearchResults results = index.search("default settings", null, 0, 10);
		assertThat(results.hits()).first().satisfies(hit -> {
			assertThat(hit.question().text()).isEqualTo(CONFIGURATION);
			assertThat(hit.match()).isEqualTo(Match.BOTH);
		});
	}

	@Test
	void aQueryTheModelRefusesIsAnsweredByItsWords() {
		SearchResults results = index.search("refused default configuration", null, 0, 10);
		assertThat(results.hits()).first().satisfies(hit -> {
			assertThat(hit.question().text()).isEqualTo(CONFIGURATION);
			assertThat(hit.match()).isEqualTo(Match.LEXICAL);
		});
	}

	@Test
	void aLongQueryOfEmojiCjkAndPunctuationIsEmbeddedWithinTheBudget() {
		String query = "😀你好?!「」".repeat(60);
		SearchResults results = index.search(query, null, 0, 10);
		assertThat(results).isNotNull();
		String read = embedded.keySet().stream().filter(text -> text.startsWith("😀你好")).findFirst().orElseThrow();
		assertThat(read.length()).isLessThanOrEqualTo(QueryBudget.DEFAULT.maxChars());
		assertThat(Character.isHighSurrogate(read.charAt(read.length() - 1))).as("no half emoji at the cut").isFalse();
		assertThat(query).startsWith(read);
	}

}
