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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

	@Autowired
	JdbcClient jdbc;

	/**
	 * Posts from an address of its own, so that one test's rate limit never meets
	 * another's.
	 */
	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** How French writes a thousand: with a narrow no-break space. */
	private static final String THOUSAND = "1\u202f000";

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

	@Test
	void aTooLongCommentIsRefusedInThePagesLanguageOnThePageAndInJson() throws Exception {
		String comment = "x".repeat(1001);
		var page = mvc.post()
			.uri("/fr/faq/general/what-is-it/feedback")
			.param("helpful", "no")
			.param("comment", comment)
			.with(from("203.0.113.21"))
			.exchange();
		assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
		Document refused = reply(page);
		assertThat(refused.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(refused.title()).isEqualTo("Requête incorrecte · Aide");
		assertThat(refused.selectFirst("h1").text()).isEqualTo("Nous n\u2019avons pas pu traiter cette requête");
		assertThat(refused.selectFirst(".problem p").text()).isEqualTo(
				"Votre commentaire est trop long : " + THOUSAND + " caractères au plus, il en compte 1\u202f001.");

		assertThat(mvc.post()
			.uri("/fr/faq/general/what-is-it/feedback")
			.param("helpful", "no")
			.param("comment", comment)
			.accept(MediaType.APPLICATION_JSON)
			.with(from("203.0.113.21"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo(
					"Votre commentaire est trop long : " + THOUSAND + " caractères au plus, il en compte 1\u202f001.");
		// the same answer's English address says it in English, as it always has
		assertThat(mvc.post()
			.uri("/faq/general/what-is-it/feedback")
			.param("helpful", "no")
			.param("comment", comment)
			.accept(MediaType.APPLICATION_JSON)
			.with(from("203.0.113.21"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.isStrictlyEqualTo("{\"error\": \"Your comment is too long: at most 1,000 characters, it has 1,001.\"}");
	}

	@Test
	void theScriptIsThankedForAVoteAndACommentInThePagesLanguage() {
		assertThat(mvc.post()
			.uri("/fr/faq/general/what-is-it/feedback")
			.param("helpful", "yes")
			.accept(MediaType.APPLICATION_JSON)
			.with(from("203.0.113.22"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Merci pour votre avis.");
		assertThat(mvc.post()
			.uri("/fr/faq/general/what-is-it/feedback")
			.param("helpful", "yes")
			.param("comment", "Très clair")
			.accept(MediaType.APPLICATION_JSON)
			.with(from("203.0.113.22"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Merci, votre commentaire a été envoyé.");
		assertThat(mvc.post()
			.uri("/faq/general/what-is-it/feedback")
			.param("helpful", "yes")
			.accept(MediaType.APPLICATION_JSON)
			.with(from("203.0.113.22"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo("Thank you for your feedback.");
	}

	@Test
	void tooManyVotesAreRefusedInThePagesLanguage() throws Exception {
		String busy = "203.0.113.23";
		// the default limit: 20 a minute
		for (int i = 0; i < 20; i++) {
			assertThat(mvc.post()
				.uri("/fr/faq/general/what-is-it/feedback")
				.param("helpful", "yes")
				.accept(MediaType.APPLICATION_JSON)
				.with(from(busy))).hasStatusOk();
		}
		var page = mvc.post()
			.uri("/fr/faq/general/what-is-it/feedback")
			.param("helpful", "yes")
			.with(from(busy))
			.exchange();
		assertThat(page).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "60");
		Document refused = reply(page);
		assertThat(refused.selectFirst("h1").text()).isEqualTo("Trop de requêtes");
		assertThat(refused.selectFirst(".problem p").text())
			.isEqualTo("Trop de votes depuis votre réseau en peu de temps. Veuillez réessayer dans une minute.");
		assertThat(mvc.post()
			.uri("/fr/faq/general/what-is-it/feedback")
			.param("helpful", "yes")
			.accept(MediaType.APPLICATION_JSON)
			.with(from(busy))).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("Trop de votes depuis votre réseau en peu de temps. Veuillez réessayer dans une minute.");
	}

	@Test
	void aQuestionAskedFromAFrenchSearchIsRefusedAndThankedInFrench() throws Exception {
		Document search = page("/fr/search?q=zzzzqqq");
		var form = search.selectFirst("form[data-ask]");
		assertThat(form.attr("action")).isEqualTo("/fr/ask");
		String mark = "m" + java.util.UUID.randomUUID().toString().substring(0, 8);

		var empty = mvc.post()
			.uri(form.attr("action"))
			.param("question", "")
			.param("email", "lecteur@example.com")
			.param("search", "zzzzqqq")
			.param("lang", "fr")
			.with(from("203.0.113.24"))
			.exchange();
		assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST);
		Document refused = reply(empty);
		assertThat(refused.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(refused.title()).isEqualTo("Erreur : Posez-nous la question · Aide");
		assertThat(refused.selectFirst("h1").text()).isEqualTo("Posez-nous la question");
		assertThat(refused.selectFirst("#ask-question-error").text()).isEqualTo("Veuillez écrire votre question.");
		assertThat(refused.selectFirst("label[for=ask-question]").text())
			.isEqualTo("Votre question (500 caractères au plus)");
		assertThat(refused.selectFirst("#ask-email").attr("value")).isEqualTo("lecteur@example.com");
		// sent again, it stays in French
		assertThat(refused.selectFirst("form[data-ask]").attr("action")).isEqualTo("/fr/ask");
		assertThat(refused.selectFirst("form.search-box").attr("action")).isEqualTo("/fr/search");

		Document tooLong = reply(
				mvc.post().uri("/fr/ask").param("question", "q".repeat(1200)).with(from("203.0.113.24")).exchange());
		assertThat(tooLong.selectFirst("#ask-question-error").text())
			.isEqualTo("Votre question est trop longue : 500 caractères au plus, elle en compte 1\u202f200.");
		Document wrongEmail = reply(mvc.post()
			.uri("/fr/ask")
			.param("question", mark)
			.param("email", "lecteur.example.com")
			.with(from("203.0.113.24"))
			.exchange());
		assertThat(wrongEmail.selectFirst("#ask-email-error").text()).isEqualTo(
				"« lecteur.example.com » ne ressemble pas à une adresse e-mail. Laissez le champ vide si vous n\u2019attendez pas de réponse.");

		assertThat(mvc.post()
			.uri("/fr/ask")
			.param("question", "Comment désinstaller ? " + mark)
			.param("search", "zzzzqqq")
			.param("lang", "fr")
			.with(from("203.0.113.24"))).hasStatus(HttpStatus.SEE_OTHER)
			.hasHeader("Location", "/fr/ask?sent=1&q=zzzzqqq");
		Document thanks = page("/fr/ask?sent=1&q=zzzzqqq");
		assertThat(thanks.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(thanks.title()).isEqualTo("Posez-nous la question · Aide");
		assertThat(thanks.selectFirst(".ask-done").text()).isEqualTo(
				"Merci, nous avons bien reçu votre question. Quand la FAQ y répondra, vous trouverez la réponse ici.");
		assertThat(thanks.select("main a")).extracting(a -> a.attr("href") + " " + a.text())
			.containsExactly("/fr/search?q=zzzzqqq Revenir à votre recherche", "/fr/ Toutes les catégories");
		assertThat(jdbc.sql("SELECT language FROM open_question WHERE question_text LIKE :mark")
			.param("mark", "%" + mark)
			.query(String.class)
			.list()).containsExactly("fr");

		assertThat(mvc.post()
			.uri("/fr/ask")
			.param("question", "Et la mise à jour ? " + mark)
			.accept(MediaType.APPLICATION_JSON)
			.with(from("203.0.113.24"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.message")
			.isEqualTo(
					"Merci, nous avons bien reçu votre question. Quand la FAQ y répondra, vous trouverez la réponse ici.");
		assertThat(mvc.get().uri("/de/ask")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/en/ask")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void tooManyQuestionsAreRefusedInFrenchWithTheFormKept() throws Exception {
		String busy = "203.0.113.25";
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.post().uri("/fr/ask").param("question", "Question " + i).with(from(busy)))
				.hasStatus(HttpStatus.SEE_OTHER);
		}
		var result = mvc.post().uri("/fr/ask").param("question", "Une de trop").with(from(busy)).exchange();
		assertThat(result).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Retry-After", "60");
		Document refused = reply(result);
		assertThat(refused.selectFirst("#ask-error").text())
			.isEqualTo("Vous avez envoyé beaucoup de questions en peu de temps. Veuillez réessayer dans une minute.");
		assertThat(refused.selectFirst("#ask-question").text()).isEqualTo("Une de trop");
	}

	@Test
	void aPostFromAnotherSiteIsRefusedInTheAddresssLanguage() throws Exception {
		var page = mvc.post()
			.uri("/fr/ask")
			.param("question", "Venue d\u2019ailleurs")
			.header("Sec-Fetch-Site", "cross-site")
			.exchange();
		assertThat(page).hasStatus(HttpStatus.FORBIDDEN);
		Document refused = reply(page);
		assertThat(refused.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(refused.title()).isEqualTo("Interdit · Aide");
		assertThat(refused.selectFirst("h1").text()).isEqualTo("Envoyé depuis un autre site");
		assertThat(refused.selectFirst(".problem p").text())
			.startsWith("Ce formulaire a été envoyé depuis un autre site");
		// the way back leads to the form in French
		assertThat(refused.select(".problem a[href=/fr/ask]").text()).isEqualTo("Revenir à la page");
		assertThat(mvc.post()
			.uri("/fr/faq/general/what-is-it/feedback")
			.param("helpful", "yes")
			.header("Sec-Fetch-Site", "cross-site")
			.accept(MediaType.APPLICATION_JSON)).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.error")
			.asString()
			.startsWith("Ce formulaire a été envoyé depuis un autre site");
		// in English as before
		Document english = reply(mvc.post()
			.uri("/ask")
			.param("question", "From elsewhere")
			.header("Sec-Fetch-Site", "cross-site")
			.exchange());
		assertThat(english.selectFirst("h1").text()).isEqualTo("Sent from another site");
		assertThat(english.selectFirst(".problem p").text()).startsWith("This form was sent from another site");
	}

	@Test
	void aFrenchQuestionTooLargeToReadGetsTheFrenchFormBack() throws Exception {
		// more than the form's fields take (11,641 bytes), less than an address without
		// a limit of its own takes (16 KiB)
		var result = mvc.post()
			.uri("/fr/ask")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("question=" + "x".repeat(13_000))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		Document refused = reply(result);
		assertThat(refused.selectFirst("html").attr("lang")).isEqualTo("fr");
		assertThat(refused.selectFirst("h1").text()).isEqualTo("Posez-nous la question");
		assertThat(refused.selectFirst("form[data-ask]").attr("action")).isEqualTo("/fr/ask");
		assertThat(refused.selectFirst("#ask-question").text()).isEmpty();
		assertThat(refused.selectFirst("#ask-error").text())
			.isEqualTo("L\u2019envoi est trop volumineux : cette adresse accepte au plus 11\u202f641 octets, "
					+ "il n\u2019a donc pas été lu. Veuillez envoyer moins.");
	}

}
