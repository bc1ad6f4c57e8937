package dev.faqkb.search.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.Vectors;
import dev.faqkb.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * One index made semantic: each question's text, its vector from the cache or the model,
 * then the index's {@link SearchIndex#useVectors}. Runs on the semantic worker thread;
 * large catalogs log their progress.
 */
final class Preparation {

	private static final Logger log = LoggerFactory.getLogger(Preparation.class);

	/**
	 * The answer's first characters embedded with the question (the model reads about 128
	 * tokens).
	 */
	static final int ANSWER_CHARS = 400;

	/**
	 * Vectors are stored in batches of this many, so that a restart keeps the work done
	 * so far.
	 */
	private static final int BATCH = 256;

	/** Progress is logged this often while embedding. */
	private static final long PROGRESS_NANOS = 10_000_000_000L;

	private final SemanticSearch owner;

	private final SearchIndex index;

	private final Catalog catalog;

	/**
	 * After a failed write to the cache, the next try waits this long: each try may wait
	 * for a connection.
	 */
	private static final long STORE_RETRY_NANOS = 60_000_000_000L;

	// vectors not yet in the cache because a write failed: written with the next batch
	// that is
	private final Map<String, float[]> unstored = new HashMap<>();

	private long storeRetryAt;

	// a database that cannot take writes is said once per preparation, not once per batch
	private boolean storeFailed;

	Preparation(SemanticSearch owner, SearchIndex index, Catalog catalog) {
		this.owner = owner;
		this.index = index;
		this.catalog = catalog;
	}

	/**
	 * What is embedded for a question: the question, then the start of its answer, cut at
	 * a word, with the compounds the model cannot read spelled out.
	 */
	static String text(Question question, Compounds compounds) {
		String answer = question.answerText().strip();
		if (answer.length() > ANSWER_CHARS) {
			int cut = answer.lastIndexOf(' ', ANSWER_CHARS);
			answer = answer.substring(0, cut > ANSWER_CHARS / 2 ? cut : ANSWER_CHARS);
		}
		return compounds.readable(question.text().strip() + "\n" + answer);
	}

	/**
	 * The cache key of a text: SHA-256 of the model's name, a NUL and the text, in hex.
	 * Stored with each vector, so it must stay the same for the same model and text
	 * ({@code CacheKeyTest}).
	 */
	static String key(String text) {
		return Sha256.hex(SentenceEncoder.MODEL + "\0" + text);
	}

	void run() {
		long start = System.nanoTime();
		SentenceEncoder model = owner.model();
		if (model == null) {
			return;
		}
		List<Question> questions = catalog.questions();
		Map<String, String> textByKey = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>(questions.size());
		for (Question question : questions) {
			String text = text(question, model.compounds());
			String key = key(text);
			keys.add(key);
			textByKey.putIfAbsent(key, text);
		}
		long reading = System.nanoTime();
		EmbeddingCache.Loaded loaded = cached(new ArrayList<>(textByKey.keySet()));
		long read = System.nanoTime() - reading;
		List<String> damaged = loaded.damaged();
		Map<String, float[]> vectors = new ConcurrentHashMap<>(loaded.vectors());
		int cached = vectors.size();
		List<String> missing = textByKey.keySet().stream().filter(key -> !vectors.containsKey(key)).toList();
		if (!damaged.isEmpty()) {
			log.warn("Semantic search: {} damaged row(s) in the embedding cache; embedding those texts again",
					damaged.size());
		}
		if (!embed(model, missing, textByKey, vectors, damaged)) {
			return;
		}
		float[][] byOrdinal = new float[questions.size()][];
		for (int ordinal = 0; ordinal < byOrdinal.length; ordinal++) {
			byOrdinal[ordinal] = vectors.get(keys.get(ordinal));
		}
		index.useVectors(Vectors.of(byOrdinal), model::embed);
		// after the vectors serve, so that search never waits for it
		markUsed(loaded.due());
		owner.finished(index, new SemanticSearch.Run(questions.size(), cached, missing.size(), damaged.size()));
		log.info("Semantic search ready for {} questions in {} ms ({} vectors from the cache in {} ms, {} embedded)",
				questions.size(), (System.nanoTime() - start) / 1_000_000, cached, read / 1_000_000, missing.size());
	}

	private EmbeddingCache.Loaded cached(List<String> keys) {
		try {
			return owner.cache().load(keys);
		}
		catch (DataAccessException ex) {
			log.warn("Semantic search: cannot read the embedding cache, embedding every question ({})",
					ex.getMessage());
			return new EmbeddingCache.Loaded(new HashMap<>(), new ArrayList<>(), List.of());
		}
	}

	/**
	 * The rows read whose date is due, as used today (those embedded were stored with
	 * today's date). Rows another instance deleted between the reading and this are
	 * embedded again by the next preparation that needs them.
	 */
	private void markUsed(List<String> due) {
		try {
			owner.cache().markUsed(due);
		}
		catch (DataAccessException ex) {
			// the daily run marks them before it deletes anything
			log.warn("Semantic search: cannot mark the embedding cache rows in use ({})", ex.getMessage());
		}
	}

	/**
	 * Embeds the missing texts on the embedding threads, storing them batch by batch.
	 * @return {@code false} when stopped early (a newer index, or shutdown)
	 */
	private boolean embed(SentenceEncoder model, List<String> missing, Map<String, String> textByKey,
			Map<String, float[]> vectors, List<String> damaged) {
		long start = System.nanoTime();
		long lastReport = start;
		// never stored: a zero vector is similar to nothing
		Map<String, float[]> unembeddable = new ConcurrentHashMap<>();
		for (int from = 0; from < missing.size(); from += BATCH) {
			if (!owner.isLatest(index) || Thread.currentThread().isInterrupted()) {
				return false;
			}
			List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
			Map<String, float[]> embedded = new ConcurrentHashMap<>();
			try {
				List<Future<?>> parts = new ArrayList<>();
				for (int part = 0; part < owner.threads(); part++) {
					int first = part;
					parts.add(owner.embedders()
						.submit(() -> embedEvery(model, batch, first, textByKey, embedded, unembeddable)));
				}
				for (Future<?> part : parts) {
					part.get();
				}
			}
			catch (InterruptedException | RejectedExecutionException shuttingDown) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (ExecutionException ex) {
				log.warn("Semantic search: embedding failed, search stays lexical for this content ({})",
						ex.getCause().toString());
				return false;
			}
			vectors.putAll(embedded);
			vectors.putAll(unembeddable);
			store(embedded, damaged);
			long now = System.nanoTime();
			int done = from + batch.size();
			if (now - lastReport >= PROGRESS_NANOS && done < missing.size()) {
				lastReport = now;
				double rate = done / ((now - start) / 1e9);
				log.info(
						"Semantic search: embedded {} of {} questions ({} a second), about {} s left; "
								+ "lexical search serves meanwhile",
						done, missing.size(), Math.round(rate), Math.round((missing.size() - done) / rate));
			}
		}
		return true;
	}

	/**
	 * Embeds every {@code threads}-th text of a batch from {@code first} on: one
	 * embedding thread's share.
	 */
	private void embedEvery(SentenceEncoder model, List<String> batch, int first, Map<String, String> textByKey,
			Map<String, float[]> embedded, Map<String, float[]> unembeddable) {
		for (int i = first; i < batch.size(); i += owner.threads()) {
			try {
				embedded.put(batch.get(i), model.embed(textByKey.get(batch.get(i))));
			}
			catch (RuntimeException ex) {
				// one text the tokenizer or model refuses: that question is found by its
				// words only
				unembeddable.put(batch.get(i), new float[SentenceEncoder.DIMENSIONS]);
				log.warn("Semantic search: cannot embed a question, it is found by its words only ({})", ex.toString());
			}
		}
	}

	private void store(Map<String, float[]> embedded, List<String> damaged) {
		unstored.putAll(embedded);
		if (storeFailed && System.nanoTime() - storeRetryAt < 0) {
			return;
		}
		try {
			owner.cache().store(unstored, damaged);
			if (storeFailed) {
				log.info("Semantic search: the embedding cache takes writes again ({} vectors written)",
						unstored.size());
				storeFailed = false;
			}
			unstored.clear();
		}
		catch (DataAccessException ex) {
			if (!storeFailed) {
				// the vectors still serve this run; what is never written is embedded
				// again by the next start
				log.warn("Semantic search: cannot write the embedding cache, trying again in a minute ({})",
						ex.getMessage());
			}
			storeFailed = true;
			storeRetryAt = System.nanoTime() + STORE_RETRY_NANOS;
		}
	}

}
