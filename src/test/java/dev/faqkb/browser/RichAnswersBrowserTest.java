package dev.faqkb.browser;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.TestImages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * An answer with a screenshot and its caption, an SVG, a PDF, every kind of callout,
 * footnotes, a task list and a definition list, on its own page and on its category page:
 * no axe violation light or dark at 320 and 1280 px, nothing wider than the phone, images
 * at their size without JavaScript, and a footnote that can be followed and come back
 * from.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RichAnswersBrowserTest extends BrowserTestBase {

	static final String QUESTION = "/faq/setup/export";

	@TestContent.Setup
	static void content(TestContent content) {
		content.site("title: Rich FAQ\n")
			.file("img/settings.png", TestImages.png(1600, 900))
			.file("img/diagram.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 80\">"
					+ "<rect x=\"5\" y=\"5\" width=\"190\" height=\"70\" fill=\"none\" stroke=\"#888\" stroke-width=\"4\"/></svg>")
				.getBytes(StandardCharsets.UTF_8))
			.file("files/manual.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))
			.category("setup", "Setup",
					"""
							## How do I export my data? {#export}

							Open the settings[^where] and choose **Export**.

							![The settings page with the Export button](img/settings.png "Settings, with Export at the top right")

							> [!NOTE]
							> Exports include attachments.

							> [!TIP]
							> Export at night.

							> [!IMPORTANT]
							> Keep the file safe.

							> [!WARNING]
							> Large exports take an hour.

							> [!CAUTION]
							> Deleting the account deletes its exports[^keep].

							- [x] Open the settings
							- [ ] Download the file

							Export
							: A copy of your data as a ZIP file.

							![How an export flows](img/diagram.svg) The steps are in [the manual](files/manual.pdf).

							[^where]: The gear at the top right.
							[^keep]: Download them first.

							## Anything else? {#else}

							No.
							""");
	}

	@TestFactory
	Stream<DynamicTest> anAnswerWithPicturesCalloutsAndFootnotesHasNoAxeViolationAndFitsThePhoneInBothThemes() {
		return Stream.of(QUESTION, "/faq/setup")
			.flatMap(path -> Stream.of("light", "dark")
				.flatMap(scheme -> Stream.of(320, 1280)
					.map(width -> dynamicTest(path + ", " + scheme + ", " + width + " px", () -> {
						browser.viewport(width).scheme(scheme).open(path);
						String name = "rich-" + (path.equals(QUESTION) ? "question" : "category") + "-" + scheme + "-"
								+ width;
						browser.screenshot(name);
						browser.js("document.querySelector('.callout').scrollIntoView()");
						browser.screenshot(name + "-callouts");
						assertThat(browser.axeViolations()).as("axe-core on %s (%s, %d px)", path, scheme, width)
							.isEmpty();
						assertThat(browser.overflow()).as("pixels wider than the %d px screen", width)
							.isLessThanOrEqualTo(0);
					}))));
	}

	@Test
	void theScreenshotKeepsItsShapeInTheColumnAndLoadsAsAnImage() {
		browser.viewport(320).scheme("light").open(QUESTION);
		browser
			.waitUntil(() -> Boolean.TRUE.equals(browser.js("return document.querySelector('figure img').complete")));
		long naturalWidth = ((Number) browser.js("return document.querySelector('figure img').naturalWidth"))
			.longValue();
		double width = ((Number) browser
			.js("return document.querySelector('figure img').getBoundingClientRect().width")).doubleValue();
		double height = ((Number) browser
			.js("return document.querySelector('figure img').getBoundingClientRect().height")).doubleValue();
		assertThat(naturalWidth).isEqualTo(1600);
		assertThat(width).isLessThan(320);
		assertThat(width / height).isCloseTo(1600.0 / 900.0, org.assertj.core.data.Offset.offset(0.02));
		assertThat(browser.driver().findElement(By.cssSelector("figure figcaption")).getText())
			.isEqualTo("Settings, with Export at the top right");
	}

	@Test
	void aFootnoteIsFollowedAndComeBackFrom() {
		browser.viewport(1280).scheme("light").open(QUESTION);
		browser.driver().findElement(By.cssSelector("#fnref-export-1")).click();
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#fn-export-1"));
		assertThat(browser.driver().findElement(By.id("fn-export-1")).getText())
			.startsWith("The gear at the top right.");
		browser.driver().findElement(By.cssSelector("#fn-export-1 .footnote-back")).click();
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#fnref-export-1"));
	}

}
