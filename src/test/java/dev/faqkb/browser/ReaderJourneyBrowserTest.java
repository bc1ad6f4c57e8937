package dev.faqkb.browser;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader does on the demo site, in a real browser: find an answer with the
 * keyboard alone and share and rate it, use the search suggestions, press "/" to search,
 * choose dark mode and find it again later, follow a link to one answer on a category
 * page, and print an answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faqkb.content.watch=false", "faqkb.admin.password=" + SeedPagesBrowserTest.ADMIN_PASSWORD })
class ReaderJourneyBrowserTest extends BrowserTestBase {

	static final String LARGEST = "/faq/general/whats-the-largest-mattermost-deployment-you-have";

	/**
	 * The seed's site.yml says baseUrl: http://localhost:8080, so shared links use it.
	 */
	static final String SHARED_LARGEST = "http://localhost:8080" + LARGEST;

	static final String DARK = "rgb(17, 20, 24)";

	static final String LIGHT = "rgb(255, 255, 255)";

	@BeforeEach
	void firstVisit() {
		browser.viewport(1280).scheme("light").media("").open("/").forget().open("/");
	}

	@Test
	void keyboardAloneFindsAnAnswerCopiesItsCleanLinkVotesAndComments() {
		browser.allowClipboard().open("/");
		browser.press("/");
		assertThat(browser.focused().getDomAttribute("id")).isEqualTo("q");

		browser.press("largest dep");
		WebElement input = browser.driver().findElement(By.id("q"));
		browser.waitUntil(() -> "true".equals(input.getDomAttribute("aria-expanded")));
		browser.press(Keys.ARROW_DOWN);
		WebElement option = browser.driver().findElement(By.id(input.getDomAttribute("aria-activedescendant")));
		assertThat(option.getText()).isEqualTo("What's the largest Mattermost deployment you have?");
		browser.press(Keys.ENTER);
		browser.waitUntil(() -> browser.driver().getCurrentUrl().contains(LARGEST + "?hl="));
		assertThat(browser.driver().findElements(By.cssSelector(".answer mark"))).isNotEmpty();

		WebElement copyLink = tabUntil(element -> element.getText().equals("Copy link"));
		browser.press(Keys.ENTER);
		browser.waitUntil(() -> copyLink.getText().equals("Copied"));
		assertThat(browser.clipboard()).isEqualTo(SHARED_LARGEST);
		browser.waitUntil(() -> browser.driver()
			.findElement(By.id("page-status"))
			.getDomProperty("textContent")
			.equals("Link copied: " + SHARED_LARGEST));

		tabUntil(element -> element.getText().equals("Yes"));
		browser.press(Keys.ENTER);
		browser.waitUntil(() -> browser.focused().getText().equals("Thank you for your feedback."));
		assertThat(browser.axeViolations()).as("axe-core, with the comment box open").isEmpty();

		browser.tab();
		WebElement comment = browser.focused();
		assertThat(comment.getTagName()).isEqualTo("textarea");
		assertVisibleFocus(comment);
		browser.press("It could name the largest customer.");
		browser.tab();
		assertThat(browser.focused().getText()).isEqualTo("Send comment");
		browser.press(Keys.ENTER);
		browser.waitUntil(() -> browser.focused().getText().equals("Thank you, your comment has been sent."));
	}

	@Test
	void everyControlOnAQuestionPageShowsWhereTheFocusIs() {
		browser.open("/faq/general/does-mattermost-support-508-compliance");
		WebElement first = null;
		for (int i = 0; i < 60; i++) {
			browser.tab();
			WebElement focused = browser.focused();
			if (focused.equals(first) || "body".equals(focused.getTagName())) {
				return; // went round the whole page
			}
			if (first == null) {
				first = focused;
			}
			assertVisibleFocus(focused);
		}
	}

	@Test
	void suggestionsFollowTheComboboxPattern() {
		WebElement input = browser.driver().findElement(By.id("q"));
		input.click();
		browser.press("mattermost");
		browser.waitUntil(() -> "true".equals(input.getDomAttribute("aria-expanded")));
		List<WebElement> options = browser.driver().findElements(By.cssSelector("#q-suggestions [role=option]"));
		assertThat(options).hasSizeGreaterThan(2);
		assertThat(browser.driver().findElement(By.id("q-status")).getDomProperty("textContent"))
			.isEqualTo(options.size() + " suggestions.");

		browser.press(Keys.ARROW_DOWN);
		assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("true");
		browser.press(Keys.ARROW_UP);
		assertThat(input.getDomAttribute("aria-activedescendant")).as("up from the first wraps to the last")
			.isEqualTo(options.get(options.size() - 1).getDomAttribute("id"));
		assertThat(options.get(0).getDomAttribute("aria-selected")).isEqualTo("false");

		browser.press(Keys.ESCAPE);
		assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.driver().findElement(By.id("q-suggestions")).isDisplayed()).isFalse();
		assertThat(input.getDomAttribute("aria-activedescendant")).isNull();
		browser.press(Keys.ESCAPE);
		assertThat(input.getDomProperty("value")).as("a second Escape empties the box").isEmpty();

		browser.press("license", Keys.ENTER);
		browser.waitUntil(() -> browser.driver().getCurrentUrl().contains("/search?q=license"));
		assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Results for “license”");
	}

	@Test
	void slashGoesToTheSearchBoxButIsTypedAsUsualInAField() {
		browser.open(LARGEST);
		browser.press("/");
		WebElement input = browser.focused();
		assertThat(input.getDomAttribute("id")).isEqualTo("q");
		browser.press("tcp/ip");
		assertThat(input.getDomProperty("value")).isEqualTo("tcp/ip");
	}

	@Test
	void darkModeToggleIsRememberedOnOtherPagesAndLaterVisits() {
		WebElement toggle = browser.driver().findElement(By.cssSelector(".theme-toggle"));
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(background()).isEqualTo(LIGHT);

		assertThat(toggle.getAccessibleName()).isEqualTo("Dark mode");
		assertThat(toggle.getText()).isEqualTo("Dark mode");
		String off = knob();

		toggle.click();
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(background()).isEqualTo(DARK);
		assertThat(toggle.getAccessibleName()).as("the name says what it does, in both states").isEqualTo("Dark mode");
		assertThat(knob()).as("the switch shows the state").isNotEqualTo(off);

		browser.open("/faq/general");
		assertThat(background()).as("another page").isEqualTo(DARK);
		assertThat(browser.driver().findElement(By.cssSelector(".theme-toggle")).getDomAttribute("aria-pressed"))
			.isEqualTo("true");

		// A later visit, on a system that prefers dark: the reader's light choice still
		// wins.
		browser.driver().findElement(By.cssSelector(".theme-toggle")).click();
		browser.scheme("dark").open("/search?q=license");
		assertThat(background()).isEqualTo(LIGHT);
		assertThat(browser.driver().findElement(By.cssSelector(".theme-toggle")).getDomAttribute("aria-pressed"))
			.isEqualTo("false");

		browser.forget().open("/");
		assertThat(background()).as("no choice kept: the system's dark scheme").isEqualTo(DARK);
		assertThat(browser.driver().findElement(By.cssSelector(".theme-toggle")).getDomAttribute("aria-pressed"))
			.isEqualTo("true");
	}

	/** Where the theme switch's knob sits, left (off) or right (on). */
	private String knob() {
		return (String) browser
			.js("var k = getComputedStyle(document.querySelector('.toggle-switch'), '::after'); return k.left + ' ' + k.right;");
	}

	@Test
	void theAnswerALinkPointsAtIsMarkedAsAWholeWithRoomAboveIt() {
		browser.open("/faq/general#whats-the-largest-mattermost-deployment-you-have");
		WebElement target = browser.driver()
			.findElement(By.xpath("//article[h3[@id='whats-the-largest-mattermost-deployment-you-have']]"));
		WebElement other = browser.driver().findElement(By.xpath("//article[h3[@id='why-was-mattermost-created']]"));
		assertThat(target.getCssValue("background-color")).isEqualTo("rgba(238, 244, 255, 1)");
		assertThat(target.getCssValue("border-left-width")).isEqualTo("4px");
		assertThat(other.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 0)");
		long top = ((Number) browser.js("return arguments[0].getBoundingClientRect().top", target)).longValue();
		assertThat(top).as("room above the marked answer").isBetween(8L, 80L);
	}

	@Test
	void printingShowsTheAnswerAndItsAddressWithoutControlsInBlackOnWhite() {
		browser.scheme("dark").open(LARGEST).media("print");
		try {
			for (String hidden : List.of(".site-header", ".site-footer", ".feedback", ".question-links", ".pager",
					".related", ".breadcrumbs")) {
				assertThat(browser.driver().findElement(By.cssSelector(hidden)).isDisplayed()).as(hidden).isFalse();
			}
			assertThat(browser.driver().findElement(By.cssSelector(".answer")).isDisplayed()).isTrue();
			assertThat(browser.js("return getComputedStyle(document.documentElement).color"))
				.as("text on paper, even when the screen is dark")
				.isEqualTo("rgb(0, 0, 0)");
			assertThat(browser.driver().findElement(By.cssSelector(".print-url")).getText()).isEqualTo(SHARED_LARGEST);
			assertThat(browser.js("return getComputedStyle(document.querySelector('.answer a'), '::after').content"))
				.as("links print their address")
				.asString()
				.contains("https://github.com/mattermost/mattermost-load-test");
		}
		finally {
			browser.media("");
		}
		assertThat(browser.driver().findElement(By.cssSelector(".print-url")).isDisplayed()).as("on screen").isFalse();
		browser.open("/faq/general/does-mattermost-support-508-compliance");
		assertThat(browser.printedPages()).as("a short answer on paper").isEqualTo(1);
	}

	private String background() {
		return (String) browser.js("return getComputedStyle(document.documentElement).backgroundColor");
	}

	/**
	 * Presses Tab until the focus is on an element that {@code wanted} accepts; fails
	 * after 40 presses.
	 */
	private WebElement tabUntil(Predicate<WebElement> wanted) {
		for (int i = 0; i < 40; i++) {
			browser.tab();
			WebElement focused = browser.focused();
			if (wanted.test(focused)) {
				return focused;
			}
		}
		throw new AssertionError("Tab never reached the control; the focus is on " + browser.focused().getText());
	}

	private void assertVisibleFocus(WebElement element) {
		String description = element.getTagName() + " \"" + element.getText() + "\"";
		assertThat(element.getCssValue("outline-style")).as("outline of %s", description).isNotEqualTo("none");
		assertThat(element.getCssValue("outline-width")).as("outline of %s", description).isEqualTo("3px");
	}

}
