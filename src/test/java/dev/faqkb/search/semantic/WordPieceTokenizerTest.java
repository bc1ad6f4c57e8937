package dev.faqkb.search.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import dev.faqkb.search.ModelVocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model reads the same ids as before: reference data, the ids that DJL's native
 * Hugging Face tokenizer (ai.djl.huggingface:tokenizers 0.36.0, with the model's
 * tokenizer.json and {@code padding=false}, as langchain4j 1.19.0-beta29 used it) gave
 * for texts where a tokenizer can go wrong. Before DJL was removed, every question,
 * answer and evaluation query of the three test corpora, and every Unicode code point,
 * were checked to tokenize the same both ways (issue 24).
 */
class WordPieceTokenizerTest {

	private static WordPieceTokenizer tokenizer;

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = WordPieceTokenizerTest.class.getResourceAsStream(ModelVocabulary.TOKENIZER)) {
			tokenizer = WordPieceTokenizer.read(in.readAllBytes());
		}
	}

	static List<Object[]> reference() {
		return List.of(
				// unknown words cut into pieces, case, brackets
				new Object[] { "How do I use isinstance() on a NumPy array?",
						new long[] { 101, 2129, 2079, 1045, 2224, 2003, 7076, 26897, 1006, 1007, 2006, 1037, 16371,
								8737, 2100, 9140, 1029, 102 } },
				// accents removed, apostrophe a word of its own
				new Object[] { "Pourquoi une UnboundLocalError est lev\u00e9e alors qu'une variable a une valeur ?",
						new long[] { 101, 10364, 28940, 10448, 16655, 4895, 15494, 4135, 9289, 2121, 29165, 9765, 23310,
								4402, 2632, 5668, 24209, 1005, 16655, 8023, 1037, 16655, 10380, 3126, 1029, 102 } },
				// cedilla, diaeresis, dash and guillemets
				new Object[] {
						"\u00c7a co\u00fbte tr\u00e8s cher, na\u00efve fa\u00e7ade \u2014 \u00abentre guillemets\u00bb",
						new long[] { 101, 6187, 2522, 10421, 24403, 24188, 1010, 15743, 8508, 1517, 1077, 4372, 7913,
								26458, 6216, 11368, 2015, 1090, 102 } },
				// kanji one word each, kana together, fullwidth question mark
				new Object[] {
						"\u306a\u305c Python \u304c\u79c1\u306e\u30b3\u30f3\u30d4\u30e5\u30fc\u30bf\u306b\u30a4\u30f3\u30b9\u30c8\u30fc\u30eb\u3055\u308c\u3066\u3044\u308b\u306e\u3067\u3059\u304b\uff1f",
						new long[] { 101, 1667, 30185, 18750, 1651, 100, 1671, 30230, 30263, 30245, 30255, 30265, 30235,
								30194, 30221, 30263, 30233, 30240, 30265, 30259, 30182, 30214, 30191, 30173, 30213,
								30197, 30191, 30184, 30177, 1994, 102 } },
				// dotted capital I, Greek capitals (no final sigma), sharp s, a ligature
				new Object[] { "\u0130stanbul \u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3 Stra\u00dfe \ufb01ne",
						new long[] { 101, 9960, 1173, 18199, 29733, 29735, 29736, 29730, 29733, 2358, 27807, 1984, 2638,
								102 } },
				// white space, a zero-width space, NUL and the replacement character
				// removed
				new Object[] { "tab\there\u00a0nbsp\u200bzero-width\u0000nul\ufffdreplacement",
						new long[] { 101, 21628, 2182, 1050, 5910, 2361, 6290, 2080, 1011, 9381, 11231, 20974, 13699,
								19217, 3672, 102 } },
				// an emoji is unknown; special tokens typed in the text are read as such
				new Object[] { "emoji \ud83d\ude00 and [UNK] [CLS]typed[SEP] [cls] x",
						new long[] { 101, 7861, 29147, 2072, 100, 1998, 100, 101, 21189, 102, 1031, 18856, 2015, 1033,
								1060, 102 } },
				// a word of 101 characters is unknown, one of 99 is not
				new Object[] { "a" + "b".repeat(100) + " " + "c".repeat(99) + " ok",
						ids(100, 10507, 9468, 48, 2278, 7929) },
				new Object[] { "supercalifragilisticexpialidocious pseudopseudohypoparathyroidism",
						new long[] { 101, 3565, 9289, 10128, 29181, 24411, 4588, 10288, 19312, 21273, 10085, 6313,
								18404, 29251, 6784, 11631, 22571, 29477, 27362, 12541, 9314, 2964, 102 } },
				// cut to the model's 128
				new Object[] { "word ".repeat(130).trim(), ids(2773, 126) });
	}

	/**
	 * [CLS], {@code first}, {@code second}, {@code repeated} × {@code times}, the rest,
	 * [SEP].
	 */
	private static long[] ids(long first, long second, long repeated, int times, long... rest) {
		long[] ids = new long[times + rest.length + 4];
		ids[0] = 101;
		ids[1] = first;
		ids[2] = second;
		for (int i = 0; i < times; i++) {
			ids[3 + i] = repeated;
		}
		System.arraycopy(rest, 0, ids, 3 + times, rest.length);
		ids[ids.length - 1] = 102;
		return ids;
	}

	/** [CLS], {@code id} × {@code times}, [SEP]. */
	private static long[] ids(long id, int times) {
		long[] ids = new long[times + 2];
		Arrays.fill(ids, id);
		ids[0] = 101;
		ids[ids.length - 1] = 102;
		return ids;
	}

	@ParameterizedTest
	@MethodSource("reference")
	void givesTheIdsOfTheModelsOwnTokenizer(String text, long[] expected) {
		assertThat(tokenizer.ids(tokenizer.tokenize(text))).containsExactly(expected);
	}

	@Test
	void piecesAreTheVocabularysWords() {
		assertThat(tokenizer.tokenize("Stra\u00dfe unbelievable")).containsExactly("st", "##ra\u00dfe", "unbelievable");
	}

}
