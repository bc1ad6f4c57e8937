package dev.faqkb.search.semantic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.Match;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.system.FaqkbProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What goes wrong around the model and the cache never stops search: it stays lexical,
 * and says why once.
 */
@ExtendWith(OutputCaptureExtension.class)
class SemanticSearchFaultsTest {

	@TempDir
	Path content;

	@Test
	void aModelThatCannotLoadLogsOneLineAndSearchStaysLexical(CapturedOutput output) {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		SearchIndex index = new SearchIndex(catalog);
		SemanticSearch semantic = new SemanticSearch(new FaqkbProperties.Semantic(true, 1), () -> {
			throw new UnsatisfiedLinkError("no onnxruntime library for this platform");
		}, null);
		try {
			semantic.prepare(index, catalog);
			await().atMost(Duration.ofSeconds(10)).until(() -> semantic.status() == SemanticSearch.Status.FAILED);
			// a reload tries no more
			semantic.prepare(index, catalog);
			assertThat(index.semanticReady()).isFalse();
			assertThat(index.search("reset password", null, 0, 10).hits()).isNotEmpty()
				.allSatisfy(hit -> assertThat(hit.match()).isEqualTo(Match.LEXICAL));
			assertThat(output.getAll().lines().filter(line -> line.contains("cannot load the embedding model")))
				.singleElement()
				.asString()
				.contains("search stays lexical")
				.contains("no onnxruntime library for this platform");
		}
		finally {
			semantic.destroy();
		}
	}

	@Test
	void aDatabaseThatCannotBeUsedIsSaidOnceAndTheVectorsStillServe(CapturedOutput output) throws Exception {
		// three batches of vectors to store, into a database without the cache's table
		// (as one that is down)
		StringBuilder many = new StringBuilder("---\ntitle: Many\n---\n\n");
		for (int i = 0; i < 600; i++) {
			many.append("## How do I do thing ").append(i).append("?\n\nLike this: ").append(i).append(".\n\n");
		}
		Files.writeString(content.resolve("many.md"), many);
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		SearchIndex index = new SearchIndex(catalog);
		DriverManagerDataSource empty = new DriverManagerDataSource(
				"jdbc:h2:mem:no-tables-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		SemanticSearch semantic = new SemanticSearch(new FaqkbProperties.Semantic(true, 1), SemanticFixture::model,
				new EmbeddingCache(new JdbcTemplate(empty)));
		try {
			semantic.prepare(index, catalog);
			await().atMost(Duration.ofSeconds(120)).until(() -> semantic.status() == SemanticSearch.Status.READY);
			assertThat(semantic.lastRun()).isEqualTo(new SemanticSearch.Run(600, 0, 600, 0));
			assertThat(index.semanticReady()).isTrue();
			assertThat(output.getAll().lines().filter(line -> line.contains("cannot write the embedding cache")))
				.singleElement()
				.asString()
				.contains("trying again");
		}
		finally {
			semantic.destroy();
		}
	}

	@Test
	void searchServesByWordsAtOnceAndByMeaningOnceTheVectorsAreReady(@TempDir Path database) throws Exception {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		SearchIndex index = new SearchIndex(catalog);
		CountDownLatch slowModel = new CountDownLatch(1);
		SemanticSearch semantic = new SemanticSearch(new FaqkbProperties.Semantic(true, 1), () -> {
			slowModel.await();
			return SemanticFixture.model();
		}, new EmbeddingCache(SemanticFixture.h2Database(database)));
		try {
			semantic.prepare(index, catalog);
			assertThat(semantic.status()).isEqualTo(SemanticSearch.Status.PREPARING);
			assertThat(index.search("reset password", null, 0, 10).hits()).first()
				.satisfies(hit -> assertThat(hit.match()).isEqualTo(Match.LEXICAL));
			slowModel.countDown();
			await().atMost(Duration.ofSeconds(60)).until(() -> semantic.status() == SemanticSearch.Status.READY);
			assertThat(index.semanticReady()).isTrue();
			assertThat(index.search("reset password", null, 0, 10).hits()).first()
				.satisfies(hit -> assertThat(hit.match()).isEqualTo(Match.BOTH));
		}
		finally {
			semantic.destroy();
		}
	}

	@Test
	void longTextsOfEmojiCjkAndPunctuationHaveAUnitVector() {
		SentenceEncoder model = SemanticFixture.model();
		for (String text : new String[] { "😀🎉🔥".repeat(42) + "😀", "密码重置".repeat(64),
				"?!.,;:\"'()[]{}<>/\\|@#$%^&*-+=~`".repeat(8) }) {
			float[] vector = model.embed(text);
			double norm = 0;
			for (float value : vector) {
				norm += value * value;
			}
			assertThat(vector).hasSize(SentenceEncoder.DIMENSIONS);
			assertThat(norm).as(text).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		}
	}

	@Test
	void aRowIsUsedOnlyWhenItIsASoundVectorOfThisModel() {
		float[] unit = new float[SentenceEncoder.DIMENSIONS];
		unit[7] = 1;
		byte[] bytes = VectorBytes.encode(unit);
		long checksum = VectorBytes.checksum(bytes);
		assertThat(VectorBytes.decode(SentenceEncoder.MODEL, unit.length, bytes, checksum)).isEqualTo(unit);
		assertThat(VectorBytes.decode("another-model", unit.length, bytes, checksum)).as("another model").isNull();
		assertThat(VectorBytes.decode(SentenceEncoder.MODEL, unit.length, bytes, checksum + 1)).as("checksum").isNull();
		assertThat(VectorBytes.decode(SentenceEncoder.MODEL, unit.length, java.util.Arrays.copyOf(bytes, 100),
				VectorBytes.checksum(java.util.Arrays.copyOf(bytes, 100))))
			.as("truncated")
			.isNull();
		float[] twice = unit.clone();
		twice[7] = 2;
		byte[] long2 = VectorBytes.encode(twice);
		assertThat(VectorBytes.decode(SentenceEncoder.MODEL, unit.length, long2, VectorBytes.checksum(long2)))
			.as("not unit length")
			.isNull();
	}

}
