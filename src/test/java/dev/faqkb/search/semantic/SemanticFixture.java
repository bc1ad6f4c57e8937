package dev.faqkb.search.semantic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.Vectors;
import dev.faqkb.system.FaqkbProperties;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedding model for tests and benchmarks outside the application: loaded once per
 * JVM (shared with every application context of the run), vectors made at once, no
 * database.
 */
public final class SemanticFixture {

	private SemanticFixture() {
	}

	/** The shared model's query encoder. */
	public static Function<String, float[]> encoder() {
		SentenceEncoder model = model();
		return model::embed;
	}

	/** What is embedded for a question. */
	public static String text(Question question) {
		return Preparation.text(question, model().compounds());
	}

	/** The vectors of a catalog's questions, embedded on {@code threads} threads. */
	public static float[][] embed(Catalog catalog, int threads) throws Exception {
		return embed(catalog.questions(), threads);
	}

	/** The vectors of questions, embedded on {@code threads} threads. */
	public static float[][] embed(List<Question> questions, int threads) throws Exception {
		SentenceEncoder model = model();
		float[][] vectors = new float[questions.size()][];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> parts = new java.util.ArrayList<>();
			for (int part = 0; part < threads; part++) {
				int first = part;
				parts.add(pool.submit(() -> {
					for (int i = first; i < vectors.length; i += threads) {
						vectors[i] = model.embed(Preparation.text(questions.get(i), model.compounds()));
					}
				}));
			}
			for (Future<?> part : parts) {
				part.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return vectors;
	}

	/** Makes {@code index} rank by meaning too, now. */
	public static SearchIndex withVectors(SearchIndex index, Catalog catalog) throws Exception {
		index.useVectors(Vectors.of(embed(catalog, 1)), encoder());
		return index;
	}

	/**
	 * An H2 database in {@code dir} with the application's tables, as the embedding cache
	 * of a benchmark.
	 */
	public static JdbcTemplate h2Database(Path dir) {
		String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("bench");
		Flyway.configure().dataSource(url, "sa", "").load().migrate();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		pool.setUsername("sa");
		pool.setPassword("");
		// pooled as in the application: opening the file database per statement would
		// dominate the figures
		return new JdbcTemplate(pool);
	}

	/** Stores {@code vectors} as the cached embeddings of the catalog's questions. */
	public static void fillCache(JdbcTemplate jdbc, Catalog catalog, float[][] vectors) {
		EmbeddingCache cache = new EmbeddingCache(jdbc);
		List<Question> questions = catalog.questions();
		Map<String, float[]> batch = new HashMap<>();
		for (int i = 0; i < questions.size(); i++) {
			batch.put(Preparation.key(Preparation.text(questions.get(i), model().compounds())), vectors[i]);
			if (batch.size() == 1_000 || i == questions.size() - 1) {
				cache.store(batch, List.of());
				batch.clear();
			}
		}
	}

	/**
	 * Makes {@code index} semantic as the application does (cache, then the model for
	 * what is missing) and waits until it is ready.
	 */
	public static SemanticSearch.Run prepare(SearchIndex index, Catalog catalog, JdbcTemplate jdbc, int threads)
			throws InterruptedException {
		SemanticSearch semantic = new SemanticSearch(new FaqkbProperties.Semantic(true, threads),
				SemanticFixture::model, new EmbeddingCache(jdbc));
		try {
			semantic.prepare(index, catalog);
			while (semantic.status() == SemanticSearch.Status.PREPARING) {
				Thread.sleep(20);
			}
			return semantic.lastRun();
		}
		finally {
			semantic.destroy();
		}
	}

	static SentenceEncoder model() {
		try {
			return SharedModel.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot load the embedding model", ex);
		}
	}

}
