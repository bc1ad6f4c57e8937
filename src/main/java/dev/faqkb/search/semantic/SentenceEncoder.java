package dev.faqkb.search.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.faqkb.search.ModelVocabulary;

/**
 * The sentence-embedding model: quantized all-MiniLM-L6-v2, run in-process by ONNX
 * Runtime. The weights ship inside the langchain4j artifact; nothing is downloaded.
 * Thread-safe: ONNX Runtime sessions may run concurrently, and each call runs on the
 * calling thread alone.
 * <p>
 * A text becomes a vector exactly as langchain4j's {@code OnnxBertBiEncoder} with
 * {@code PoolingMode.MEAN} made it, which the cached vectors and the search figures
 * (bench/README.md) come from: its tokenizer was DJL's native one, now
 * {@link WordPieceTokenizer} (issue 24: 24 MB lighter jar), and the steps are those of
 * langchain4j-embeddings 1.19.0-beta29, quirks included (see {@link #input(String)}).
 */
final class SentenceEncoder {

	/**
	 * Names the model in cache keys: a vector of another model (or version) is never
	 * reused.
	 */
	static final String MODEL = "all-minilm-l6-v2-q@langchain4j-1.19.0-beta29";

	static final int DIMENSIONS = 384;

	private static final String WEIGHTS = "/all-minilm-l6-v2-q.onnx";

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final boolean typeIds;

	private final WordPieceTokenizer tokenizer;

	private final Compounds compounds;

	private SentenceEncoder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer,
			Compounds compounds) throws OrtException {
		this.environment = environment;
		this.session = session;
		this.typeIds = session.getInputNames().contains("token_type_ids");
		this.tokenizer = tokenizer;
		this.compounds = compounds;
	}

	/**
	 * Loads the model: its weights are read once and then kept off the heap (time and
	 * size: bench/README.md, "Semantic search").
	 */
	static SentenceEncoder load() throws IOException, OrtException {
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
		return new SentenceEncoder(environment, session, WordPieceTokenizer.read(tokenizer),
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
			return normalize(meanPool(run(tokenizer.ids(input(text)))));
		}
		catch (RuntimeException | OrtException ex) {
			throw new IllegalStateException("cannot embed a text of " + text.length() + " characters", ex);
		}
	}

	/**
	 * The word pieces the model reads for {@code text}, as OnnxBertBiEncoder chose them:
	 * the text's pieces (at most the tokenizer's maximum length) written back as a
	 * sentence and tokenized again; when that gives other pieces (a word cut by the
	 * maximum length), the pieces glued together without spaces, "##" and all, tokenized
	 * again. Texts longer than 510 pieces would be cut into several parts, but the
	 * tokenizer never gives more than 126.
	 */
	List<String> input(String text) {
		if (text.isBlank()) {
			throw new IllegalArgumentException("cannot embed blank text");
		}
		List<String> pieces = tokenizer.tokenize(text);
		if (pieces.isEmpty()) {
			throw new IllegalArgumentException("no word pieces in the text");
		}
		String sentence = String.join(" ", pieces).replace(" ##", "").trim();
		return tokenizer.tokenize(sentence).equals(pieces) ? pieces : tokenizer.tokenize(String.join("", pieces));
	}

	/**
	 * The model's output: one vector per piece, {@code [CLS]} and {@code [SEP]} included.
	 */
	private float[][] run(long[] ids) throws OrtException {
		long[] ones = new long[ids.length];
		Arrays.fill(ones, 1);
		long[] shape = { 1, ids.length };
		try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
				OnnxTensor attentionMask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
				OnnxTensor tokenTypeIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]),
						shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", inputIds);
			inputs.put("attention_mask", attentionMask);
			if (typeIds) {
				inputs.put("token_type_ids", tokenTypeIds);
			}
			try (OrtSession.Result result = session.run(inputs)) {
				return ((float[][][]) result.get(0).getValue())[0];
			}
		}
	}

	/**
	 * The mean of the vectors, summed in order (as OnnxBertBiEncoder, for the same
	 * floats).
	 */
	private static float[] meanPool(float[][] vectors) {
		float[] mean = new float[vectors[0].length];
		for (float[] vector : vectors) {
			for (int j = 0; j < mean.length; j++) {
				mean[j] += vector[j];
			}
		}
		for (int j = 0; j < mean.length; j++) {
			mean[j] /= vectors.length;
		}
		return mean;
	}

	private static float[] normalize(float[] vector) {
		float sumSquare = 0;
		for (float v : vector) {
			sumSquare += v * v;
		}
		float norm = (float) Math.sqrt(sumSquare);
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = vector[i] / norm;
		}
		return unit;
	}

}
