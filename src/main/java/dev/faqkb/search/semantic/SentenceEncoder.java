package dev.faqkb.search.semantic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.faqkb.search.ModelVocabulary;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * The sentence-embedding model: quantized all-MiniLM-L6-v2, run in-process by ONNX
 * Runtime. The weights ship inside the langchain4j artifact; nothing is downloaded.
 * Thread-safe: ONNX Runtime sessions may run concurrently, and each call runs on the
 * calling thread alone.
 */
final class SentenceEncoder {

	/**
	 * Names the model in cache keys: a vector of another model (or version) is never
	 * reused.
	 */
	static final String MODEL = "all-minilm-l6-v2-q@langchain4j-1.19.0-beta29";

	static final int DIMENSIONS = 384;

	private static final String WEIGHTS = "/all-minilm-l6-v2-q.onnx";

	private final Model model;

	private final Compounds compounds;

	private SentenceEncoder(Model model, Compounds compounds) {
		this.model = model;
		this.compounds = compounds;
	}

	/**
	 * Loads the model: its weights are read once and then kept off the heap (time and
	 * size: bench/README.md, "Semantic search").
	 * @param nativeDir a writable folder where DJL copies its native tokenizer library
	 * (its default, {@code ~/.djl.ai}, fails on a read-only home)
	 */
	static SentenceEncoder load(Path nativeDir) throws IOException, OrtException {
		Files.createDirectories(nativeDir);
		// DJL reads these on each use; nothing but the bundled native library is needed,
		// so never download
		System.setProperty("DJL_CACHE_DIR", nativeDir.toString());
		System.setProperty("ENGINE_CACHE_DIR", nativeDir.toString());
		System.setProperty("ai.djl.offline", "true");
		OrtEnvironment environment = OrtEnvironment.getEnvironment();
		// The stock model classes let ONNX Runtime start a thread pool per session sized
		// to the machine, whose
		// threads spin while idle. One thread per call on the caller's thread:
		// concurrency comes from callers.
		OrtSession session;
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.addConfigEntry("session.inter_op.allow_spinning", "0");
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			session = environment.createSession(resource(WEIGHTS), options);
		}
		byte[] tokenizer = resource(ModelVocabulary.TOKENIZER);
		return new SentenceEncoder(new Model(
				new OnnxBertBiEncoder(environment, session, new ByteArrayInputStream(tokenizer), PoolingMode.MEAN)),
				new Compounds(ModelVocabulary.words(tokenizer)));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = SentenceEncoder.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IOException(name + " is not on the class path");
			}
			return in.readAllBytes();
		}
	}

	/**
	 * How this model reads compound identifiers: what embedded passages spell out for it.
	 */
	Compounds compounds() {
		return compounds;
	}

	/** The unit-length embedding of {@code text}. */
	float[] embed(String text) {
		try {
			return model.embed(text).content().vector();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("cannot embed a text of " + text.length() + " characters", ex);
		}
	}

	/**
	 * langchain4j's base class, around our own session (the stock subclass builds its
	 * session in a static block).
	 */
	private static final class Model extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		Model(OnnxBertBiEncoder encoder) {
			// one text at a time, on the caller's thread: the executor is never used for
			// a single text
			super(Runnable::run);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

		@Override
		protected Integer knownDimension() {
			return DIMENSIONS;
		}

	}

}
