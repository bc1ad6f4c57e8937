package dev.faqkb.search;

import java.nio.file.Path;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.Editions;
import dev.faqkb.content.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * French queries carried into English words by the table learnt from the Python FAQ and
 * its French translation, the site's own parallel text.
 */
@SharedTestData({ "corpora/python-faq", "corpora/python-faq-fr" })
class WordTranslationTest {

	@Test
	void frenchWordsBecomeTheEnglishWordsTheirTranslationsStandFor(@TempDir Path content) throws Exception {
		TranslatedSearchQualityTest.copy(SearchQualityTest.CORPUS, content);
		TranslatedSearchQualityTest.copy(TranslatedSearchQualityTest.FRENCH, content.resolve("fr"));
		Editions editions = new ContentLoader(new MarkdownRenderer(), false).loadAll(content);
		try (SearchIndex english = new SearchIndex(editions.original());
				SearchIndex french = new SearchIndex(editions.translations().get("fr"), null, english)) {
			assertThat(french.translated("nombres aléatoires")).isEqualTo("number random");
			assertThat(french.translated("copier fichier")).isEqualTo("copy file");
			// accents and endings as French analysis reads them; code and names as typed
			assertThat(french.translated("opérateur morse :=")).isEqualTo("operations walrus");
			assertThat(french.translated("envoyer mail smtp")).isEqualTo("send mail smtp");
			assertThat(french.translated("msvcrt kbhit")).isEqualTo("msvcrt kbhit");
		}
	}

}
