package dev.faqkb.web;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site in English with French and Japanese translations, as readers of each language
 * see it: addresses, {@code lang}, {@code hreflang}, the language switch and the answers
 * not translated yet.
 */
@FaqkbWebTest
class TranslatedPagesTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.site("title: Help\nbaseUrl: https://help.example.com\n").file("general.md", """
				---
				title: General
				updated: 2024-05-31
				redirects:
				  old-name: what-is-it
				---

				# Basics

				## What is it? {#what-is-it}

				A tool for teams; see [installing](#install).

				## How do I install it? {#install}

				Run the installer.
				""").file("fr/site.yml", "title: Aide\n").translation("fr", "general", "Général", """

				# Les bases

				## Qu'est-ce que c'est ? {#what-is-it}

				Un outil pour les équipes ; voir [l'installation](#install).
				""").translation("ja", "general", "一般", """

				## これは何ですか？ {#what-is-it}

				チームのためのツールです。

				## インストール方法は？ {#install}

				インストーラを実行します。
				""");
	}

	@Autowired
	MockMvcTester mvc;

	private Document page(String path) throws Exception {
		var result = mvc.get().uri(path).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void homeIsTheDefaultLanguageWhateverTheBrowserPrefers() throws Exception {
		var result = mvc.get().uri("/").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9").exchange();
		assertThat(result).hasStatusOk();
		Document home = Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(home.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(home.selectFirst("h1").text()).isEqualTo("Help");
		assertThat(result.getResponse().getHeader(HttpHeaders.VARY)).doesNotContainIgnoringCase("accept-language");
	}

	@Test
	void translationHomeIsAtItsPrefixInItsLanguage() throws Exception {
		Document home = page("/fr/");
		assertThat(home.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(home.selectFirst("h1").text()).isEqualTo("Aide");
		assertThat(home.select(".card-title a").eachAttr("href")).containsExactly("/fr/faq/general");
		assertThat(home.selectFirst("form.search-box").attr("action")).isEqualTo("/fr/search");
		assertThat(home.selectFirst("form.search-box").attr("data-suggest-url")).isEqualTo("/api/suggest?lang=fr");
		assertThat(mvc.get().uri("/fr")).hasStatus(HttpStatus.MOVED_PERMANENTLY).hasHeader("Location", "/fr/");
	}

	@Test
	void everyPageLinksItsTranslationsAndTheDefault() throws Exception {
		Document question = page("/fr/faq/general/what-is-it");
		assertThat(question.select("link[rel=alternate][hreflang]"))
			.extracting(link -> link.attr("hreflang") + " " + link.attr("href"))
			.containsExactly("en https://help.example.com/faq/general/what-is-it",
					"fr https://help.example.com/fr/faq/general/what-is-it",
					"ja https://help.example.com/ja/faq/general/what-is-it",
					"x-default https://help.example.com/faq/general/what-is-it");
		assertThat(question.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("https://help.example.com/fr/faq/general/what-is-it");
	}

	@Test
	void languageSwitchLeadsToTheSameAnswerInEachLanguage() throws Exception {
		Document question = page("/faq/general/install");
		Element languages = question.selectFirst("nav.languages");
		assertThat(languages.select("a")).extracting(a -> a.attr("lang") + " " + a.text() + " " + a.attr("href"))
			.containsExactly("en English /faq/general/install", "fr Français /fr/faq/general/install",
					"ja 日本語 /ja/faq/general/install");
		assertThat(languages.select("a[aria-current=page]").text()).isEqualTo("English");
		assertThat(page("/ja/faq/general").select("nav.languages a[aria-current=page]").text()).isEqualTo("日本語");
	}

	@Test
	void translatedAnswerIsInItsLanguageWithLinksInIt() throws Exception {
		Document question = page("/fr/faq/general/what-is-it");
		assertThat(question.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(question.selectFirst("h1").text()).isEqualTo("Qu'est-ce que c'est ?");
		assertThat(question.selectFirst("h1").hasAttr("lang")).isFalse();
		assertThat(question.select(".untranslated-badge")).isEmpty();
		assertThat(question.selectFirst(".answer a").attr("href")).isEqualTo("/fr/faq/general#install");
		assertThat(question.selectFirst(".breadcrumbs a").attr("href")).isEqualTo("/fr/");
		assertThat(question.selectFirst("script[type=application/ld+json]").data()).contains("\"inLanguage\":\"fr\"");
		assertThat(question.selectFirst(".updated").text()).isEqualTo("Mis à jour le 31 mai 2024");
		assertThat(page("/ja/faq/general/what-is-it").selectFirst(".updated").text()).isEqualTo("最終更新 2024年5月31日");
		assertThat(page("/faq/general/what-is-it").selectFirst(".updated").text())
			.isEqualTo("Last updated 31 May 2024");
	}

	@Test
	void interfaceIsInThePagesLanguage() throws Exception {
		Document french = page("/fr/faq/general/what-is-it");
		assertThat(french.selectFirst(".skip-link").text()).isEqualTo("Aller au contenu");
		assertThat(french.selectFirst(".feedback-label").text()).isEqualTo("Cette réponse vous a-t-elle aidé ?");
		assertThat(french.selectFirst("#q").attr("placeholder")).isEqualTo("Chercher dans la FAQ");
		assertThat(page("/fr/").selectFirst(".card-count").text()).isEqualTo("2 questions");
		assertThat(page("/fr/search?q=zzzzqqq").selectFirst("h1").text()).isEqualTo("Aucune réponse pour « zzzzqqq »");
		Document japanese = page("/ja/");
		assertThat(japanese.selectFirst(".card-count").text()).isEqualTo("2 件の質問");
		assertThat(japanese.selectFirst("#popular-title, #categories-title").text()).isNotBlank();
		assertThat(page("/").selectFirst(".skip-link").text()).isEqualTo("Skip to content");
		// what the scripts say (copy buttons, suggestions), in the page's language;
		// English pages keep the scripts' own
		assertThat(french.selectFirst("#page-words").data()).contains("\"copyCode\":\"Copier le code\"")
			.contains("\"linkCopied\":\"Lien copi\\u00E9 : {0}\"");
		assertThat(page("/faq/general/what-is-it").select("#page-words")).isEmpty();
	}

	@Test
	void untranslatedAnswerIsServedInTheDefaultLanguageMarkedInTheTranslationsWords() throws Exception {
		Document question = page("/fr/faq/general/install");
		assertThat(question.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(question.selectFirst("h1").text()).isEqualTo("How do I install it?");
		assertThat(question.selectFirst("h1").attr("lang")).isEqualTo("en");
		assertThat(question.selectFirst(".answer").attr("lang")).isEqualTo("en");
		assertThat(question.selectFirst(".untranslated-badge").text()).isEqualTo("Pas encore traduit");
		assertThat(question.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("https://help.example.com/fr/faq/general/install");
	}

	@Test
	void categoryPageListsUntranslatedAnswersInTheirPlaceMarked() throws Exception {
		Document category = page("/fr/faq/general");
		assertThat(category.selectFirst("h1").text()).isEqualTo("Général");
		assertThat(category.select("article.question .question-title > span:first-child")).extracting(Element::text)
			.containsExactly("Qu'est-ce que c'est ?", "How do I install it?");
		Element untranslated = category.select("article.question").get(1);
		assertThat(untranslated.selectFirst(".untranslated-badge").text()).isEqualTo("Pas encore traduit");
		assertThat(untranslated.selectFirst(".answer").attr("lang")).isEqualTo("en");
		assertThat(category.select("article.question").get(0).select(".untranslated-badge")).isEmpty();
		assertThat(category.select("h2#section-basics").text()).isEqualTo("Les bases");
	}

	@Test
	void redirectsStayInTheirLanguage() throws Exception {
		assertThat(mvc.get().uri("/fr/faq/general/old-name")).hasStatus(HttpStatus.MOVED_PERMANENTLY)
			.hasHeader("Location", "/fr/faq/general/what-is-it");
		assertThat(page("/ja/faq/general").selectFirst("#faq-redirects").data())
			.contains("\"old-name\":\"\\/ja\\/faq\\/general#what-is-it\"");
	}

	@Test
	void languagesTheSiteDoesNotHaveAreNotFound() throws Exception {
		assertThat(mvc.get().uri("/de/faq/general")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/en/faq/general")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/fr/faq/missing")).hasStatus(HttpStatus.NOT_FOUND);
		// the closest questions of an unknown address are those of its language
		var missing = mvc.get().uri("/fr/faq/general/qu-est-ce-que-c-est").exchange();
		assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(Jsoup.parse(missing.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.select("main a[href^=/fr/faq/general/]")).extracting(Element::text).contains("Qu'est-ce que c'est ?");
	}

	@Test
	void searchSwitchLeadsToTheSameSearchInTheOtherLanguage() throws Exception {
		Document results = page("/fr/search?q=outil");
		assertThat(results.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(results.select("ol.results h2 a")).extracting(Element::text)
			.containsExactly("Qu'est-ce que c'est ?");
		assertThat(results.select("nav.languages a")).extracting(a -> a.attr("href"))
			.containsExactly("/search?q=outil", "/fr/search?q=outil", "/ja/search?q=outil");
		assertThat(results.select("link[hreflang]")).isEmpty(); // results are not for
																// search engines
		String opened = results.selectFirst("ol.results h2 a").attr("href");
		assertThat(opened).matches("/search/opened/\\d+/general/what-is-it\\?hl=outil&lang=fr");
		assertThat(mvc.get().uri(opened)).hasStatus(HttpStatus.SEE_OTHER)
			.hasHeader("Location", "/fr/faq/general/what-is-it?hl=outil");
		assertThat(page("/search?q=installer").selectFirst("ol.results h2 a").attr("href"))
			.matches("/search/opened/\\d+/general/install\\?hl=installer");
	}

	@Test
	void apiSearchesTheLanguageItIsGiven() throws Exception {
		// the French answer that speaks of the installation, then the untranslated one
		assertThat(mvc.get().uri("/api/search?q=installer&lang=fr")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[*].url")
			.asArray()
			.containsExactly("/fr/faq/general/what-is-it", "/fr/faq/general/install");
		assertThat(mvc.get().uri("/api/suggest?q=qu&lang=fr")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.suggestions[0].url")
			.isEqualTo("/fr/faq/general/what-is-it");
		assertThat(mvc.get().uri("/api/search?q=installer&lang=de")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.contains("this site has no language 'de'; it has en, fr, ja");
	}

	@Test
	void sitemapListsEveryLanguageWithItsAlternates() throws Exception {
		var result = mvc.get().uri("/sitemap.xml").exchange();
		assertThat(result).hasStatusOk();
		Document sitemap = Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
				"", org.jsoup.parser.Parser.xmlParser());
		assertThat(sitemap.select("url > loc")).extracting(Element::text)
			.contains("https://help.example.com/", "https://help.example.com/fr/",
					"https://help.example.com/ja/faq/general", "https://help.example.com/fr/faq/general/install");
		Element install = sitemap.select("url")
			.stream()
			.filter(url -> url.selectFirst("loc").text().equals("https://help.example.com/fr/faq/general/install"))
			.findFirst()
			.orElseThrow();
		assertThat(install.getElementsByTag("xhtml:link"))
			.extracting(link -> link.attr("hreflang") + " " + link.attr("href"))
			.containsExactly("en https://help.example.com/faq/general/install",
					"fr https://help.example.com/fr/faq/general/install",
					"ja https://help.example.com/ja/faq/general/install",
					"x-default https://help.example.com/faq/general/install");
	}

	@Test
	void robotsKeepCrawlersOffEveryLanguagesSearch() {
		assertThat(mvc.get().uri("/robots.txt")).hasStatusOk()
			.bodyText()
			.contains("Disallow: /search\nDisallow: /fr/search\nDisallow: /ja/search\nDisallow: /api/\n");
	}

	@Test
	void llmsTxtIsPerLanguage() throws Exception {
		var french = mvc.get().uri("/fr/llms.txt").exchange();
		assertThat(french).hasStatusOk();
		String text = french.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("# Aide\n")
			.contains("- [Qu'est-ce que c'est ?](https://help.example.com/fr/faq/general/what-is-it)")
			.contains("https://help.example.com/fr/llms-full.txt")
			.contains("/api/search?q={words}&lang=fr");
		assertThat(mvc.get().uri("/fr/llms-full.txt")).hasStatusOk()
			.bodyText()
			.contains("voir [l'installation](https://help.example.com/fr/faq/general/install)");
		assertThat(mvc.get().uri("/de/llms.txt")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/llms.txt")).hasStatusOk().bodyText().startsWith("# Help\n");
	}

	private Document reply(org.springframework.test.web.servlet.assertj.MvcTestResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void errorPagesAreInTheAddresssLanguageWhateverTheBrowserPrefers() throws Exception {
		var french = mvc.get().uri("/fr/faq/general/nowhere").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
		assertThat(french).hasStatus(HttpStatus.NOT_FOUND);
		Document page = reply(french);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(page.title()).isEqualTo("Page introuvable · Aide");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Nous n\u2019avons pas trouvé cette page");
		assertThat(page.selectFirst(".problem p").text())
			.isEqualTo("Il n\u2019y a pas de page à cette adresse. Le lien est peut-être mal saisi.");
		assertThat(page.select(".problem a[href=/fr/]").text()).isEqualTo("parcourez toutes les catégories");
		// the page's links stay in French
		assertThat(page.selectFirst("form.search-box").attr("action")).isEqualTo("/fr/search");
		assertThat(page.selectFirst("a.site-title").attr("href")).isEqualTo("/fr/");

		Document japanese = reply(mvc.get().uri("/ja/faq/nowhere").exchange());
		assertThat(japanese.selectFirst("html").attr("lang")).isEqualTo("ja");
		assertThat(japanese.selectFirst("h1").text()).isEqualTo("そのページは見つかりませんでした");

		var english = mvc.get().uri("/faq/general/nowhere").header(HttpHeaders.ACCEPT_LANGUAGE, "fr").exchange();
		Document englishPage = reply(english);
		assertThat(englishPage.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(englishPage.selectFirst("h1").text()).isEqualTo("We could not find that page");
		assertThat(englishPage.selectFirst(".problem p").text()).isEqualTo(
				"There is no answer at this address. The link may be mistyped, or the question reworded or removed.");
	}

	@Test
	void aVoteWithoutJavaScriptIsThankedInThePagesLanguage() throws Exception {
		Document question = page("/fr/faq/general/what-is-it");
		String action = question.selectFirst("form.feedback-vote").attr("action");
		assertThat(action).isEqualTo("/fr/faq/general/what-is-it/feedback");
		var result = mvc.post().uri(action).param("helpful", "yes").exchange();
		assertThat(result).hasStatusOk();
		Document thanks = reply(result);
		assertThat(thanks.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(thanks.title()).isEqualTo("Merci · Aide");
		assertThat(thanks.selectFirst("h1").text()).isEqualTo("Merci pour votre avis.");
		assertThat(thanks.selectFirst("form.search-box").attr("action")).isEqualTo("/fr/search");
		assertThat(thanks.selectFirst("label[for=feedback-comment]").text()).startsWith("Que pourrait ajouter");
		assertThat(thanks.selectFirst("form.feedback-comment").attr("action"))
			.isEqualTo("/fr/faq/general/what-is-it/feedback");
		assertThat(thanks.select("a[href=/fr/faq/general/what-is-it]").eachText())
			.containsExactly("Qu'est-ce que c'est ?", "Revenir à la réponse");

		// an answer not translated yet is thanked in French too, its question marked as
		// English
		Document untranslated = reply(
				mvc.post().uri("/fr/faq/general/install/feedback").param("helpful", "no").exchange());
		assertThat(untranslated.selectFirst("h1").text()).isEqualTo("Merci pour votre avis.");
		assertThat(untranslated.selectFirst("a[lang=en]").text()).isEqualTo("How do I install it?");

		assertThat(mvc.post().uri("/de/faq/general/install/feedback").param("helpful", "no"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/en/faq/general/install/feedback").param("helpful", "no"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
