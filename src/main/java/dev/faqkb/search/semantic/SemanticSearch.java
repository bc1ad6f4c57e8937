package dev.faqkb.search.semantic;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import dev.faqkb.content.Catalog;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.system.FaqkbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes each new search index rank by meaning too, in the background: loads the embedding
 * model once, takes the questions' vectors from the {@link EmbeddingCache} or embeds
 * them, and hands them to the index. Until then the index serves lexical search; startup
 * and reloads never wait. With {@code faqkb.search.semantic.enabled=false} nothing here
 * runs and the model is never loaded. Thread-safe.
 */
@Component
public class SemanticSearch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SemanticSearch.class);

	/**
	 * Where semantic search runs: the platforms whose ONNX Runtime natives the jar
	 * carries (pom.xml, the "onnxruntime" unpack; the tokenizer is Java).
	 */
	static final String PLATFORMS = "Linux x86-64 and ARM64, macOS ARM64 and Windows x86-64";

	/** Loads the model; the real one is loaded once per JVM (see {@link SharedModel}). */
	interface ModelLoader {

		SentenceEncoder load() throws Exception;

	}

	/** What the semantic side is doing. */
	public enum Status {

		/** Turned off by configuration: the model is never loaded. */
		OFF,
		/** Loading the model or embedding the questions: search is lexical meanwhile. */
		PREPARING,
		/** The current index ranks by meaning too. */
		READY,
		/** The model could not be loaded: search stays lexical. */
		FAILED

	}

	/**
	 * What the last preparation of an index did.
	 *
	 * @param questions questions of the catalog
	 * @param cached vectors taken from the cache
	 * @param embedded texts embedded (new, changed, or damaged in the cache)
	 * @param damaged cache rows found unsound and replaced
	 */
	public record Run(int questions, int cached, int embedded, int damaged) {
	}

	private final boolean enabled;

	private final ModelLoader loader;

	private final EmbeddingCache cache;

	private final ExecutorService worker;

	private final ExecutorService embedders;

	private final int threads;

	private volatile SentenceEncoder model;

	private volatile Status status;

	private volatile Run lastRun;

	// the index most recently handed in: a preparation for an older one stops early
	private volatile SearchIndex latest;

	// its catalog: the content whose cache rows EmbeddingCacheRetention marks as used
	private volatile Catalog latestCatalog;

	@Autowired
	public SemanticSearch(FaqkbProperties properties, JdbcTemplate jdbc) {
		this(properties.search().semantic(), SharedModel::get, new EmbeddingCache(jdbc));
	}

	SemanticSearch(FaqkbProperties.Semantic settings, ModelLoader loader, EmbeddingCache cache) {
		this.enabled = settings.enabled();
		this.loader = loader;
		this.cache = cache;
		this.threads = Math.max(1, settings.threads());
		this.status = enabled ? Status.PREPARING : Status.OFF;
		this.worker = enabled ? Executors.newSingleThreadExecutor(daemon("faqkb-semantic")) : null;
		this.embedders = enabled ? Executors.newFixedThreadPool(threads, daemon("faqkb-embed")) : null;
	}

	/**
	 * Prepares the vectors of a newly built index in the background; returns at once.
	 */
	public void prepare(SearchIndex index, Catalog catalog) {
		if (!enabled) {
			return;
		}
		latest = index;
		latestCatalog = catalog;
		if (status != Status.FAILED) {
			// the new content is served by words until its vectors are ready
			status = Status.PREPARING;
		}
		worker.execute(() -> {
			if (latest == index && status != Status.FAILED) {
				new Preparation(this, index, catalog).run();
			}
		});
	}

	public Status status() {
		return status;
	}

	/** Whether the embedding model was loaded (never when semantic search is off). */
	public boolean modelLoaded() {
		return model != null;
	}

	/**
	 * The last preparation that ran to its end (a newer index stops an older one), or
	 * {@code null}.
	 */
	public Run lastRun() {
		return lastRun;
	}

	/**
	 * The model, loaded on first use; {@code null} (logged once) when it cannot be
	 * loaded.
	 */
	SentenceEncoder model() {
		if (model == null && status != Status.FAILED) {
			try {
				model = loader.load();
			}
			catch (Exception | LinkageError ex) {
				status = Status.FAILED;
				log.warn(
						"Semantic search is off, search stays lexical: cannot load the embedding model on {} {} ({}; "
								+ "the jar has its native libraries for {})",
						System.getProperty("os.name"), System.getProperty("os.arch"), reason(ex), PLATFORMS);
			}
		}
		return model;
	}

	EmbeddingCache cache() {
		return cache;
	}

	/**
	 * Runs {@code task} with the catalog most recently handed in and the model, on the
	 * thread that prepares the indexes: never at the same time as a preparation. Not at
	 * all while off or when the model cannot be loaded.
	 */
	void withLatest(BiConsumer<Catalog, SentenceEncoder> task) {
		if (!enabled) {
			return;
		}
		try {
			worker.execute(() -> {
				Catalog catalog = latestCatalog;
				SentenceEncoder loaded = catalog == null ? null : model();
				if (loaded != null) {
					task.accept(catalog, loaded);
				}
			});
		}
		catch (RejectedExecutionException shuttingDown) {
			// nothing more to do on the way out
		}
	}

	ExecutorService embedders() {
		return embedders;
	}

	int threads() {
		return threads;
	}

	boolean isLatest(SearchIndex index) {
		return latest == index;
	}

	void finished(SearchIndex index, Run run) {
		lastRun = run;
		if (latest == index) {
			status = Status.READY;
		}
	}

	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == ex ? ex.toString() : ex + ", caused by " + root;
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			// below request threads: a reader's search matters more than the background
			// embedding
			thread.setPriority(Thread.MIN_PRIORITY);
			return thread;
		};
	}

	@Override
	public void destroy() {
		if (enabled) {
			latest = null;
			worker.shutdownNow();
			embedders.shutdownNow();
		}
	}

}
