package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.Editions;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each language searched as that language: a translation's index analyses its words as
 * its language does, and finds what it translates before what it shows untranslated.
 */
class LanguageSearchTest {

	@TempDir
	static Path dir;

	static Editions editions;

	@BeforeAll
	static void load() {
		TestContent.in(dir)
			.category("general", "General", """
					## How do I debug a program? {#debug}

					Use a debugger with breakpoints.

					## How do I install it? {#install}

					Run the installer; the installation takes a minute.

					## Which editors work? {#editors}

					Any editor that saves plain text, such as vim or emacs.

					## Wie groß ist die Datei? {#size}

					Unknown.
					""")
			.translation("fr", "general", "Général", """
					## Comment déboguer un programme ? {#debug}

					Utilisez un débogueur avec des points d'arrêt.

					## Comment l'installer ? {#install}

					Lancez l'installateur ; l'installation prend une minute.
					""")
			.translation("ja", "general", "一般", """
					## プログラムをデバッグするには？ {#debug}

					ブレークポイントのあるデバッガを使います。

					## インストールするには？ {#install}

					インストーラを実行します。関西国際空港からでも動きます。
					""")
			.translation("de", "general", "Allgemein",
					"""
							## Welche Editoren funktionieren? {#editors}

							Jeder Editor, der einfachen Text speichert, zum Beispiel vim oder emacs. Größere Dateien öffnen langsamer.
							""");
		editions = new ContentLoader(new MarkdownRenderer(), false).loadAll(dir);
	}

	private static List<String> foundWithSynonyms(String language, String rules, String query) throws IOException {
		Path folder = Files.createDirectories(dir.resolve("synonyms-" + language));
		Files.writeString(folder.resolve(Synonyms.FILE_NAME), rules);
		try (SearchIndex index = new SearchIndex(editions.of(language).orElseThrow(),
				Synonyms.read(folder, language))) {
			return index.search(query, null, 0, 10).hits().stream().map(hit -> hit.question().id()).toList();
		}
	}

	private static List<String> found(String language, String query) {
		Catalog catalog = editions.of(language).orElseThrow();
		try (SearchIndex index = new SearchIndex(catalog)) {
			return index.search(query, null, 0, 10).hits().stream().map(hit -> hit.question().id()).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void frenchIsStemmedWithAccentsFoldedAndArticlesElided() {
		assertThat(found("fr", "deboguer")).first().isEqualTo("debug");
		assertThat(found("fr", "débogueurs")).first().isEqualTo("debug");
		assertThat(found("fr", "installation")).first().isEqualTo("install");
		// "l'" is not a word of its own, and question words need not match
		assertThat(found("fr", "comment lancer l'installateur")).first().isEqualTo("install");
	}

	@Test
	void frenchSearchFindsTranslatedAnswersBeforeUntranslatedOnes() {
		Catalog french = editions.of("fr").orElseThrow();
		assertThat(french.question("general", "editors").map(Question::lang)).contains("en");
		// "plain" is only in an untranslated answer: a translation's search covers those
		// too, after its own
		assertThat(found("fr", "plain")).containsExactly("editors");
		// "vim emacs" match the untranslated answer better than "programme" the
		// translated one: French comes first all the same
		assertThat(found("fr", "vim emacs programme")).containsExactly("debug", "editors");
	}

	@Test
	void aTranslationsSynonymsAreReadAsItsLanguage() throws IOException {
		// the rule's "l'outil" is elided as the query's is, and "débogueur" stemmed and
		// folded as the answer's
		assertThat(foundWithSynonyms("fr", "l'outil, débogueur\n", "l'outil")).containsExactly("debug");
	}

	@Test
	void aJapaneseSynonymIsCutAsKuromojiCutsTheQuery() throws IOException {
		assertThat(foundWithSynonyms("ja", "不具合取り, デバッグ\n", "不具合取り")).containsExactly("debug");
	}

	@Test
	void japaneseIsSegmentedIntoWords() {
		assertThat(found("ja", "デバッグ")).first().isEqualTo("debug");
		assertThat(found("ja", "インストーラ")).first().isEqualTo("install");
		// a compound is found by its parts
		assertThat(found("ja", "空港")).first().isEqualTo("install");
	}

	@Test
	void germanUmlautsAreNormalised() {
		assertThat(found("de", "grosser")).first().isEqualTo("editors");
		assertThat(found("de", "Editoren")).first().isEqualTo("editors");
	}

	@Test
	void englishIsAnalysedAsBefore() {
		assertThat(found("en", "installing")).first().isEqualTo("install");
		assertThat(found("en", "debugging")).first().isEqualTo("debug");
	}

	@Test
	void suggestionsAndDidYouMeanWorkInTheTranslationsLanguage() throws Exception {
		try (SearchIndex index = new SearchIndex(editions.of("fr").orElseThrow())) {
			assertThat(index.suggest("débo", 5)).extracting(Question::id).containsExactly("debug");
			assertThat(index.search("instalateur", null, 0, 10).hits()).extracting(hit -> hit.question().id())
				.first()
				.isEqualTo("install");
		}
	}

}
