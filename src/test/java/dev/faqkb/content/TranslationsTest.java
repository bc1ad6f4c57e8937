package dev.faqkb.content;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationsTest {

	@TempDir
	Path dir;

	private ContentFixture content() {
		return new ContentFixture(dir).file("general.md", """
				---
				title: General
				description: About the product.
				order: 1
				redirects:
				  old-name: what-is-it
				---

				# Basics

				## What is it? {#what-is-it}

				A [tool](#install) for teams.

				## How do I install it? {#install}

				Run the installer.

				# Money

				## What does it cost? {#cost}

				Nothing.
				""").file("setup.md", "---\ntitle: Setup\norder: 2\n---\n## Which ports? {#ports}\n\n80 and 443.\n");
	}

	@Test
	void siteWithoutTranslationFoldersIsInEnglishAtItsOwnAddresses() {
		Editions editions = content().loadAll();
		assertThat(editions.translations()).isEmpty();
		Catalog catalog = editions.original();
		assertThat(catalog.language()).isEqualTo("en");
		assertThat(catalog.base()).isEmpty();
		Question question = catalog.question("general", "what-is-it").orElseThrow();
		assertThat(question.url()).isEqualTo("/faq/general/what-is-it");
		assertThat(question.lang()).isEqualTo("en");
		assertThat(question.answerHtml()).contains("href=\"/faq/general#install\"");
	}

	@Test
	void siteYmlNamesTheDefaultLanguage() {
		Editions editions = content().file("site.yml", "title: FAQ\nlanguage: de\n").loadAll();
		assertThat(editions.original().language()).isEqualTo("de");
		assertThat(editions.original().base()).isEmpty();
		assertThat(editions.original().questions()).extracting(Question::lang).containsOnly("de");
	}

	@Test
	void translationFolderGivesCatalogWithEveryQuestionInItsPlaceTranslatedOrNot() {
		Editions editions = content().file("fr/general.md", """
				---
				title: Général
				description: À propos du produit.
				---

				# Les bases

				## Qu'est-ce que c'est ? {#what-is-it}

				Un [outil](#install) pour les équipes.

				# L'argent

				## Combien ça coûte ? {#cost}

				Rien.
				""").loadAll();
		Catalog french = editions.translations().get("fr");
		assertThat(french.language()).isEqualTo("fr");
		assertThat(french.base()).isEqualTo("/fr");
		Category general = french.category("general").orElseThrow();
		assertThat(general.title()).isEqualTo("Général");
		assertThat(general.lang()).isEqualTo("fr");
		assertThat(general.url()).isEqualTo("/fr/faq/general");
		assertThat(general.questions()).extracting(Question::id).containsExactly("what-is-it", "install", "cost");
		assertThat(general.questions()).extracting(Question::lang).containsExactly("fr", "en", "fr");
		assertThat(general.questions()).extracting(Question::text)
			.containsExactly("Qu'est-ce que c'est ?", "How do I install it?", "Combien ça coûte ?");
		assertThat(general.sections()).extracting(Section::title).containsExactly("Les bases", "L'argent");
		assertThat(general.sections()).extracting(Section::lang).containsExactly("fr", "fr");
		assertThat(general.sections()).extracting(Section::id).containsExactly("section-basics", "section-money");
		Question what = french.question("general", "what-is-it").orElseThrow();
		assertThat(what.url()).isEqualTo("/fr/faq/general/what-is-it");
		assertThat(what.anchorUrl()).isEqualTo("/fr/faq/general#what-is-it");
		assertThat(what.answerHtml()).contains("href=\"/fr/faq/general#install\"");
		// an untranslated answer keeps its words, and its links stay in the translation
		Question install = french.question("general", "install").orElseThrow();
		assertThat(install.url()).isEqualTo("/fr/faq/general/install");
		// a category nobody translated is there too, in the default language
		Category setup = french.category("setup").orElseThrow();
		assertThat(setup.title()).isEqualTo("Setup");
		assertThat(setup.lang()).isEqualTo("en");
		assertThat(setup.url()).isEqualTo("/fr/faq/setup");
		assertThat(french.untranslated()).extracting(Question::id).containsExactly("install", "ports");
		// the default language is as it was
		assertThat(editions.original().question("general", "what-is-it").orElseThrow().text()).isEqualTo("What is it?");
	}

	@Test
	void translationRedirectsOldIdsWithinItsLanguage() {
		Catalog french = content()
			.file("fr/general.md", "---\ntitle: Général\n---\n## C'est quoi ? {#what-is-it}\n\nUn outil.\n")
			.loadAll()
			.translations()
			.get("fr");
		assertThat(french.redirect("general", "old-name").orElseThrow().url()).isEqualTo("/fr/faq/general/what-is-it");
		assertThat(french.category("general").orElseThrow().redirectAnchors()).containsEntry("old-name",
				"/fr/faq/general#what-is-it");
	}

	@Test
	void translationTakesTitleAndDescriptionFromItsOwnSiteYml() {
		Editions editions = content()
			.file("site.yml", "title: Help\ndescription: Answers.\nbaseUrl: https://faq.example.com\n")
			.file("fr/site.yml", "title: Aide\ndescription: Des réponses.\n")
			.file("fr/general.md", "---\ntitle: Général\n---\n## C'est quoi ? {#what-is-it}\n\nUn outil.\n")
			.file("pt-BR/setup.md", "---\ntitle: Configuração\n---\n## Quais portas? {#ports}\n\n80 e 443.\n")
			.loadAll();
		assertThat(editions.translations()).containsOnlyKeys("fr", "pt-BR");
		SiteInfo french = editions.translations().get("fr").site();
		assertThat(french.title()).isEqualTo("Aide");
		assertThat(french.description()).isEqualTo("Des réponses.");
		assertThat(french.baseUrl()).isEqualTo("https://faq.example.com");
		SiteInfo portuguese = editions.translations().get("pt-BR").site();
		assertThat(portuguese.title()).isEqualTo("Help");
		assertThat(editions.translations().get("pt-BR").question("setup", "ports").orElseThrow().url())
			.isEqualTo("/pt-BR/faq/setup/ports");
	}

	@Test
	void foldersWithoutCategoryFilesAreNoTranslation() {
		Editions editions = content().file("images/logo.svg", "<svg/>").loadAll();
		assertThat(editions.translations()).isEmpty();
	}

	@Test
	void translatedQuestionOfADraftIsLeftOutWithoutError() {
		Editions editions = content().file("general.md", """
				---
				title: General
				---
				## What is it? {#what-is-it}

				A tool.

				## Is it ready? {#ready .draft}

				Not yet.
				""")
			.file("fr/general.md", "---\ntitle: Général\n---\n## Est-ce prêt ? {#ready}\n\nPas encore.\n")
			.loadAll();
		assertThat(editions.translations().get("fr").questions()).extracting(Question::id)
			.containsExactlyInAnyOrder("what-is-it", "ports");
	}

	@Test
	void mistakesInTranslationsAreReportedAtTheirLine() {
		assertThat(content().file("fr/general.md", """
				---
				title: Général
				redirects:
				  ancien: what-is-it
				---

				## Qu'est-ce que c'est ?

				Un outil.

				## Combien ? {#price}

				Rien.

				## C'est quoi ? {#what-is-it}

				Voir [les ports](setup.md#missing).
				""")
			.file("fr/billing.md", "---\ntitle: Facturation\n---\n## Quoi ? {#what}\n\nRien.\n")
			.file("french/general.md", "---\ntitle: Général\n---\n## Quoi ? {#what-is-it}\n\nRien.\n")
			.file("pt-br/general.md", "---\ntitle: Geral\n---\n## O que é? {#what-is-it}\n\nNada.\n")
			.file("en/general.md", "---\ntitle: General\n---\n## What? {#what-is-it}\n\nA tool.\n")
			.file("fr/site.yml", "title: Aide\nbaseUrl: https://example.fr\n")
			.errors())
			.containsExactlyInAnyOrder(
					"en:0: 'en' is the default language ('language' in site.yml, default en): its categories are the files of "
							+ dir + " itself",
					"fr/billing.md:0: a translation of the category 'billing', which does not exist: there is no billing.md in "
							+ dir,
					"fr/general.md:4: redirect from 'ancien': redirects belong in " + dir.resolve("general.md")
							+ ", the default language's file; a translation has its original's addresses",
					"fr/general.md:7: 'quest-ce-que-cest-' is not the id of a question in " + dir.resolve("general.md")
							+ ": a translated question gives its original's id at the end of its heading, like {#what-is-it}",
					"fr/general.md:11: 'price' is not the id of a question in " + dir.resolve("general.md")
							+ ": a translated question gives its original's id at the end of its heading, like {#what-is-it}",
					"fr/general.md:17: broken link to 'setup.md#missing': setup.md has no question with id 'missing'",
					"fr/site.yml:2: unknown key 'baseUrl' (allowed: title, description)",
					"french:0: a folder with category files is a translation, named by its language tag: 'french': unknown "
							+ "language 'french' (use an ISO 639 code, like en, fr or ja)",
					"pt-br:0: a folder with category files is a translation, named by its language tag: write the language "
							+ "tag 'pt-br' as 'pt-BR'");
	}

	@Test
	void unknownDefaultLanguageIsAnError() {
		assertThat(content().file("site.yml", "language: xx\n").errors()).containsExactly(
				"site.yml:1: 'language': 'xx': unknown language 'xx' (use an ISO 639 code, like en, fr or ja)");
	}

	@Test
	void checkCountsWhatEachTranslationTranslates() {
		ContentCheck check = content()
			.file("fr/general.md", "---\ntitle: Général\n---\n## C'est quoi ? {#what-is-it}\n\nUn outil.\n")
			.check();
		assertThat(check.coverage()).containsExactly(new ContentCheck.Coverage("fr", 1, 4));
	}

}
