package dev.faqkb.search.semantic;

import dev.faqkb.search.ModelVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompoundsTest {

	private final Compounds compounds = new Compounds(
			List.of("the", "at", "on", "is", "in", "an", "to", "there", "equivalent", "exit", "read", "line", "re",
					"adline", "import", "module", "instance", "function", "runs", "python"));

	@Test
	void spellsOutACompoundTheModelWouldCutIntoPieces() {
		assertThat(compounds.readable("The atexit module runs a function on exit."))
			.isEqualTo("The atexit (at exit) module runs a function on exit.");
	}

	@Test
	void keepsTheIdentifierAndItsCallParentheses() {
		assertThat(compounds.readable("Is there an equivalent to C's onexit() in Python?"))
			.isEqualTo("Is there an equivalent to C's onexit (on exit)() in Python?");
	}

	@Test
	void readsCamelCaseAsTheLowercaseModelDoes() {
		assertThat(compounds.readable("PyImport_ImportModule")).isEqualTo("PyImport_ImportModule (import module)");
	}

	@Test
	void leavesARunOfLettersTooLongToBeACompound() {
		String run = "x".repeat(40) + "atexit";
		assertThat(compounds.readable(run)).isSameAs(run);
		assertThat(compounds.readable("atexit2 2atexit")).isEqualTo("atexit (at exit)2 2atexit (at exit)");
	}

	@Test
	void prefersTheMostEvenCut() {
		assertThat(compounds.split("readline")).isEqualTo("read line");
	}

	@Test
	void leavesWordsTheModelKnowsAndRunsThatSplitIntoNothing() {
		String text = "Exit the instance; atexitx, isinstancexyz and 日本語 stay as they are.";
		assertThat(compounds.readable(text)).isSameAs(text);
		assertThat(compounds.split("exit")).isNull();
	}

	@Test
	void neverSplitsIntoRareWords() {
		// the common words first, then enough others that "mu" and "table" fall outside
		// the common ones
		List<String> words = new ArrayList<>(List.of("at", "exit"));
		IntStream.range(0, Compounds.COMMON).forEach(i -> words.add("common" + (char) ('a' + i % 26) + i));
		words.addAll(List.of("mu", "table"));
		Compounds vocabulary = new Compounds(words);
		assertThat(vocabulary.split("atexit")).isEqualTo("at exit");
		assertThat(vocabulary.split("mutable")).isNull();
	}

	@Test
	void readsTheModelsOwnVocabularyMostCommonFirst() throws IOException {
		List<String> words = ModelVocabulary.words(tokenizer());
		assertThat(words).startsWith("the", "of", "and").doesNotContain("##ing", "[CLS]").hasSizeGreaterThan(20_000);
		Compounds model = new Compounds(words);
		assertThat(model.split("atexit")).isEqualTo("at exit");
		assertThat(model.split("isinstance")).isEqualTo("is instance");
		assertThat(model.split("whitespace")).isEqualTo("white space");
		// words it has, and ordinary words it lacks whose halves are rare ("mu table",
		// "beg inner")
		assertThat(model.split("exit")).isNull();
		assertThat(model.split("mutable")).isNull();
		assertThat(model.split("beginner")).isNull();
	}

	@Test
	void refusesATokenizerWithoutAVocabulary() {
		assertThatThrownBy(() -> ModelVocabulary.words("{\"model\":{}}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no WordPiece vocabulary");
	}

	private static byte[] tokenizer() throws IOException {
		try (InputStream in = SentenceEncoder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
			assertThat(in).as("the model's tokenizer on the class path").isNotNull();
			return in.readAllBytes();
		}
	}

}
