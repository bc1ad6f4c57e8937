package dev.faqkb.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueryShapeTest {

	@ParameterizedTest
	@ValueSource(strings = { "how do I copy a dict", "What's a lambda?", "is there a scanf equivalent",
			"I assigned one list to another and both change", "my program exits without cleaning up files" })
	void aQuestionWordFirstOrSixWordsReadAsAQuestion(String query) {
		assertThat(QueryShape.of(query)).isEqualTo(QueryShape.QUESTION);
	}

	@ParameterizedTest
	@ValueSource(strings = { "deep copy nested dict", "ternary", "__init__.py", "Py_BuildValue",
			"mutible default arguement", "", "  ?!  " })
	void keywordsIdentifiersAndTyposReadAsKeywords(String query) {
		assertThat(QueryShape.of(query)).isEqualTo(QueryShape.KEYWORDS);
	}

	@Test
	void keywordsKeepTheBestWordMatchAboveAQuestionFoundByMeaningAlone() {
		// question 4 is found by meaning alone, question 1 is the best by words
		assertThat(Blend.DEFAULT.fusion("how do I copy a dict").fuse(FusionTest.LEXICAL, FusionTest.SECOND))
			.extracting(ScoredQuestion::ordinal)
			.containsExactly(3, 4, 1, 2);
		assertThat(Blend.DEFAULT.fusion("deep copy nested dict").fuse(FusionTest.LEXICAL, FusionTest.SECOND))
			.extracting(ScoredQuestion::ordinal)
			.containsExactly(1, 2, 3, 4);
	}

}
