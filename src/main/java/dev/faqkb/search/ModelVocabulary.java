package dev.faqkb.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole words of the embedding model's WordPiece vocabulary, which both the model's
 * reading of compound identifiers ({@code semantic.SentenceEncoder}) and the English word
 * list of "Did you mean" ({@link KnownWords}) are made of.
 */
public final class ModelVocabulary {

	/** The model's tokenizer, on the class path (from its langchain4j jar). */
	public static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

	private static final Pattern WORD = Pattern.compile("[a-z]{2,}");

	private ModelVocabulary() {
	}

	/**
	 * The whole words of two letters or more of the tokenizer's WordPiece vocabulary (not
	 * its "##" pieces, signs or markers), in its order: BERT's vocabulary lists words by
	 * how common they are ("the", "of", "and", ...).
	 * @param tokenizer the tokenizer's JSON
	 */
	public static List<String> words(byte[] tokenizer) {
		JsonNode vocabulary = JsonMapper.shared().readTree(tokenizer).path("model").path("vocab");
		List<String> words = new ArrayList<>();
		vocabulary.propertyNames().forEach(token -> {
			if (WORD.matcher(token).matches()) {
				words.add(token);
			}
		});
		if (words.isEmpty()) {
			throw new IllegalStateException(TOKENIZER + " has no WordPiece vocabulary");
		}
		words.sort(Comparator.comparingInt(word -> vocabulary.path(word).asInt()));
		return words;
	}

	/** {@link #words(byte[])} of the tokenizer on the class path. */
	static List<String> words() {
		try (InputStream in = ModelVocabulary.class.getResourceAsStream(TOKENIZER)) {
			if (in == null) {
				throw new IllegalStateException(TOKENIZER + " is not on the class path");
			}
			return words(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
