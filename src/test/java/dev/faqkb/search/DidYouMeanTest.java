package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Path;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Did you mean" on the Python FAQ with the seed category, in English and in French: a
 * word spelled right is left alone even when the FAQ lacks it, and a typo is respelled.
 */
@SharedTestData({ "corpora/python-faq", "corpora/python-faq-fr" })
class DidYouMeanTest {

	@TempDir
	static Path english;

	@TempDir
	static Path translated;

	static SearchIndex index;

	static SearchIndex french;

	@BeforeAll
	static void load() throws IOException {
		index = new SearchIndex(SearchQualityTest.catalog(english));
		TranslatedSearchQualityTest.copy(SearchQualityTest.CORPUS, translated);
		TranslatedSearchQualityTest.copy(TranslatedSearchQualityTest.FRENCH, translated.resolve("fr"));
		Catalog fr = new ContentLoader(new MarkdownRenderer(), false).loadAll(translated).translations().get("fr");
		french = new SearchIndex(fr);
	}

	@AfterAll
	static void close() throws IOException {
		index.close();
		french.close();
	}

	private static String didYouMean(SearchIndex in, String query) {
		return in.search(query, null, 0, 10).didYouMean();
	}

	@ParameterizedTest
	@ValueSource(strings = { "send an email from my program", "run some code when my program quits",
			"without pressing enter", "xyzzy plugh", "why does integer division round down instead of toward zero",
			"should I teach python to kids", "found python on my laptop", "python mailing list forum",
			"I think I found a defect in the interpreter", "double underscore name mangling",
			"Purify reports leaks on shutdown", "deep copy nested dict" })
	void wordsSpelledRightAreNotRespelledEvenWhenTheFaqLacksThem(String query) {
		assertThat(didYouMean(index, query)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "api-ms-win-crt-runtime dll mising", "mattermost single sign-on with SAML" })
	void aRespellingThatFindsNoBetterAnswersIsNotOffered(String query) {
		// "missing" and "same" are near, but the answers without them are as good
		assertThat(didYouMean(index, query)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			pyhton | python
			dictionnary | dictionary
			mattermots licence | mattermost licence
			string imutable reason | string immutable reason
			convert int to strng | convert int to string
			mutible default arguement | mutable default argument
			signal handeler not called | signal handler not called
			""")
	void typosAreRespelled(String query, String respelled) {
		assertThat(didYouMean(index, query)).isEqualTo(respelled);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			convertire une chaine en nombre | convertir
			dictionaire implementation tabel de hachage | dictionnaire implementation table
			diference entre argument et paramétre | différence entre argument et paramètre
			""")
	void frenchTyposAreRespelledWithoutAWordList(String query, String respelled) {
		assertThat(didYouMean(french, query)).contains(respelled);
	}

}
