package dev.faqkb.search.semantic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.Vectors;

/**
 * The embedding model for tests and benchmarks outside the application: loaded once per JVM (shared with
 * every application context of the run), vectors made at once, no database.
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
		return Preparation.text(question);
	}

	/** The vectors of a catalog's questions, embedded on {@code threads} threads. */
	public static float[][] embed(Catalog catalog, int threads) throws Exception {
		SentenceEncoder model = model();
		List<Question> questions = catalog.questions();
		float[][] vectors = new float[questions.size()][];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> parts = new java.util.ArrayList<>();
			for (int part = 0; part < threads; part++) {
				int first = part;
				parts.add(pool.submit(() -> {
					for (int i = first; i < vectors.length; i += threads) {
						vectors[i] = model.embed(Preparation.text(questions.get(i)));
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

	static SentenceEncoder model() {
		try {
			return SemanticSearch.SharedModel.get(Files.createDirectories(Path.of("target", "native")));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot load the embedding model", ex);
		}
	}

}
