package dev.faqkb.search.semantic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding cache's keys are stored: a key computed differently for the same model
 * and text would leave every stored vector unused, and every question embedded again
 * (minutes of CPU for a large catalog). The expected keys are SHA-256 of the model's name
 * ({@link SentenceEncoder#MODEL}), a NUL and the text, computed outside Java; a new model
 * changes every key on purpose, and these with it.
 */
class CacheKeyTest {

	@Test
	void aTextKeepsTheKeyItsVectorIsStoredUnder() {
		assertThat(Preparation.key("How do I deploy Team Edition?\nDownload the binary."))
			.isEqualTo("6d77c6739623c1f3180879c1d00b03241fa9147c536f94fbd260186fe3e0b1f9");
		assertThat(Preparation.key("Wie geht\u2019s? \u4f60\u597d \uD83D\uDE00"))
			.isEqualTo("180c4387a972fae55f4544d42d68389b09227443f83d36af1c8a46a9a3bd136d");
	}

}
