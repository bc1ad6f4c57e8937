package dev.faqkb.browser;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.SharedTestData;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The Python FAQ in French and Japanese beside its English
 * ({@code ../shared/corpora/python-faq-fr}, {@code -ja}), plus a category only in
 * English, shown untranslated under {@code /fr/}: no axe violation light or dark at 320
 * and 1280 px (the language switch, the "not yet translated" mark, answers in another
 * {@code lang} than the page, the error page and the thank-you page after a vote without
 * JavaScript).
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SharedTestData({ "corpora/python-faq", "corpora/python-faq-fr", "corpora/python-faq-ja" })
class TranslatedPagesBrowserTest extends BrowserTestBase {

	@TestContent.Setup
	static void content(TestContent content) {
		content.copyOf(Path.of("../shared/corpora/python-faq"))
			.site("title: Python FAQ\n")
			.file("fr/site.yml", "title: FAQ Python\n")
			.file("general-mattermost.md", "---\ntitle: Mattermost\n---\n## What is Mattermost? {#what}\n\nA chat.\n");
		for (String language : List.of("fr", "ja")) {
			TestContent.in(content.dir().resolve(language)).copyOf(Path.of("../shared/corpora/python-faq-" + language));
		}
	}

	static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("fr-home", "/fr/");
		PAGES.put("fr-category", "/fr/faq/general");
		PAGES.put("fr-question-code", "/fr/faq/programming/how-do-i-share-global-variables-across-modules");
		PAGES.put("fr-untranslated", "/fr/faq/general-mattermost");
		PAGES.put("fr-search", "/fr/search?q=variables+globales");
		PAGES.put("fr-not-found", "/fr/faq/general/what-is-pyhton");
		PAGES.put("ja-home", "/ja/");
		PAGES.put("ja-category", "/ja/faq/general");
		PAGES.put("ja-question", "/ja/faq/general/what-is-python");
		PAGES.put("ja-untranslated", "/ja/faq/general-mattermost");
		PAGES.put("ja-search", "/ja/search?q=デバッガ");
		PAGES.put("ja-not-found", "/ja/faq/general/what-is-pyhton");
	}

	@TestFactory
	Stream<DynamicTest> translatedPagesHaveNoAxeViolationInBothThemesOnAPhoneAndALaptop() {
		return withoutAxeViolationsInBothThemesOnAPhoneAndALaptop(PAGES);
	}

	/**
	 * The page a vote without JavaScript gets, in each language: voted once, then looked
	 * at light and dark, on a phone and a laptop.
	 */
	@TestFactory
	Stream<DynamicTest> thankYouPagesHaveNoAxeViolationInBothThemesOnAPhoneAndALaptop() {
		return Stream.of("fr", "ja").map(language -> dynamicTest(language + "-thanks", () -> {
			browser.forget().viewport(1280).scheme("light").open("/" + language + "/faq/general/what-is-python");
			// as without JavaScript: the script leaves the form to the browser
			browser
				.js("document.querySelectorAll('form[data-feedback]').forEach(f => f.removeAttribute('data-feedback'))");
			browser.driver().findElement(By.cssSelector("form.feedback-vote button[value=yes]")).click();
			browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("/feedback")
					&& "complete".equals(browser.js("return document.readyState")));
			assertThat(browser.js("return document.documentElement.lang")).isEqualTo(language);
			for (String scheme : List.of("light", "dark")) {
				for (int width : List.of(320, 1280)) {
					browser.viewport(width).scheme(scheme);
					browser.screenshot(language + "-thanks-" + scheme + "-" + width);
					List<String> violations = browser.axeViolations();
					System.out.printf("axe %s-thanks %s %d px: %d violations%n", language, scheme, width,
							violations.size());
					assertThat(violations)
						.as("axe violations on the %s thank-you page (%s, %d px)", language, scheme, width)
						.isEmpty();
					assertThat(browser.overflow()).as("pixels wider than the screen").isLessThanOrEqualTo(0);
				}
			}
		}));
	}

	@Test
	void aReaderWhoseBrowserPrefersFrenchIsOfferedTheFrenchPageWithoutARedirect() {
		String agent = (String) browser.js("return navigator.userAgent");
		browser.cdp("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "fr-CA,fr;q=0.9"));
		try {
			browser.viewport(1280)
				.scheme("light")
				.open("/faq/general/what-is-python")
				.forget()
				.open("/faq/general/what-is-python");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/faq/general/what-is-python");
			assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
			WebElement offer = browser.driver().findElement(By.id("language-offer"));
			assertThat(offer.isDisplayed()).isTrue();
			WebElement french = offer.findElement(By.tagName("a"));
			assertThat(french.getText()).isEqualTo("Français");
			assertThat(french.getDomAttribute("href")).isEqualTo("/fr/faq/general/what-is-python");
			assertThat(french.getDomAttribute("lang")).isEqualTo("fr");

			// once the reader picks a language, it is not offered again
			browser.driver().findElement(By.cssSelector("nav.languages a[hreflang=en]")).click();
			browser.open("/faq/general/what-is-python");
			assertThat(browser.driver().findElement(By.id("language-offer")).isDisplayed()).isFalse();
			// nor on the French pages, to a reader whose browser prefers French
			browser.forget().open("/fr/faq/general/what-is-python");
			assertThat(browser.driver().findElement(By.id("language-offer")).isDisplayed()).isFalse();
		}
		finally {
			browser.cdp("Emulation.setUserAgentOverride", Map.of("userAgent", agent));
			browser.forget();
		}
	}

}
