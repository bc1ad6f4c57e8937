package dev.faqkb.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.faqkb.SharedTestData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python FAQ ({@code ../shared/corpora/python-faq}: sections, many code blocks, long
 * lines) in the browser: no axe violation light or dark at 320 and 1280 px, code blocks
 * that scroll on a phone reachable and scrollable by keyboard, labelled and copyable, and
 * a question page light enough for a slow phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faqkb.content-dir=" + PythonFaqBrowserTest.CORPUS, "faqkb.content.watch=false" })
@SharedTestData("corpora/python-faq")
class PythonFaqBrowserTest extends BrowserTestBase {

	static final String CORPUS = "../shared/corpora/python-faq";

	static final String CODE_IN_C = "/faq/extending/how-do-i-call-an-objects-method-from-c";

	static final String PROGRAMMING = "/faq/programming";

	static final String SEARCH = "/search?q=how+do+I+copy+a+file";

	/**
	 * What a question page with its styles, scripts and icons may weigh on the wire,
	 * compressed.
	 */
	static final long QUESTION_PAGE_BUDGET = 30 * 1024;

	/** What highlight.js (its common languages) may add, compressed. */
	static final long HIGHLIGHTER_BUDGET = 45 * 1024;

	static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("python-home", "/");
		PAGES.put("python-category-programming", PROGRAMMING);
		PAGES.put("python-question-code", "/faq/programming/how-do-i-share-global-variables-across-modules");
		PAGES.put("python-question-c", CODE_IN_C);
		PAGES.put("python-search", SEARCH);
	}

	/**
	 * The pictures of {@code docs/screenshots} (docs/developers.md says how they are
	 * copied there): home, a question with code in colour and search on a laptop, a
	 * category on a phone with its contents folded (its first answer on the first
	 * screen), light and dark.
	 */
	@Test
	void screenshotsForTheDocs() {
		for (String scheme : List.of("light", "dark")) {
			browser.viewport(1280).scheme(scheme).open("/");
			browser.screenshot("docs-python-home-" + scheme);
			browser.open(CODE_IN_C);
			browser.waitUntil(() -> !browser.driver().findElements(By.cssSelector("code.hljs")).isEmpty());
			browser.screenshot("docs-python-question-code-" + scheme);
			browser.open(SEARCH);
			browser.screenshot("docs-python-search-" + scheme);
			browser.viewport(390).open(PROGRAMMING);
			browser.screenshot("docs-python-category-phone-" + scheme);
			// 3,733 px of contents before the first answer, folded to one line.
			assertThat(browser.driver().findElement(By.cssSelector(".toc")).getSize().getHeight()).isLessThan(70);
			assertThat(browser.driver().findElement(By.cssSelector(".question-title")).getLocation().getY())
				.isLessThan(720);
		}
		assertThat(Browser.SCREENSHOTS.resolve("docs-python-category-phone-dark.png")).isNotEmptyFile();
	}

	@TestFactory
	Stream<DynamicTest> pagesWithCodeHaveNoAxeViolationAndFitThePhoneInBothThemes() {
		return withoutAxeViolationsInBothThemesOnAPhoneAndALaptop(PAGES);
	}

	@Test
	void codeBlocksThatScrollOnAPhoneTakeTheFocusAndScrollWithArrowKeys() {
		browser.viewport(320).scheme("light").open(PROGRAMMING);
		List<WebElement> scrolling = browser.driver()
			.findElements(By.cssSelector(".code-block pre"))
			.stream()
			.filter(pre -> (Boolean) browser.js("return arguments[0].scrollWidth > arguments[0].clientWidth", pre))
			.toList();
		assertThat(scrolling).as("code blocks wider than a 320 px screen").hasSizeGreaterThan(5);
		assertThat(scrolling).allSatisfy(pre -> assertThat(pre.getDomAttribute("tabindex")).isEqualTo("0"));
		assertThat(browser.driver().findElements(By.cssSelector(".code-block.overflows")))
			.as("blocks marked as scrolling, which shows a shadow at the right edge")
			.hasSameSizeAs(scrolling);

		WebElement first = scrolling.get(0);
		browser.js("arguments[0].scrollIntoView()", first);
		// The focus arrives by Tab from the control just before the block, as a keyboard
		// user's would.
		browser.js("arguments[0].closest('.code-block').querySelector('.code-copy').focus()", first);
		browser.tab();
		assertThat(browser.focused()).isEqualTo(first);
		assertThat(browser.js("return getComputedStyle(arguments[0]).outlineStyle", first)).isNotEqualTo("none");
		browser.press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
		browser.waitUntil(() -> ((Number) browser.js("return arguments[0].scrollLeft", first)).intValue() > 0);
	}

	@Test
	void aCodeBlockNamesItsLanguageAndItsButtonCopiesTheCode() {
		browser.viewport(1280).scheme("light").open(CODE_IN_C);
		browser.allowClipboard();
		WebElement block = browser.driver().findElement(By.cssSelector(".code-block:has(.code-lang)"));
		assertThat(block.findElement(By.cssSelector(".code-lang")).getText()).isEqualTo("C");
		String code = (String) browser.js("return arguments[0].querySelector('pre').textContent", block);

		WebElement copy = block.findElement(By.cssSelector("button.code-copy"));
		assertThat(copy.getText()).isEqualTo("Copy code");
		copy.click();
		browser.waitUntil(() -> "Copied".equals(copy.getText()));
		assertThat(browser.clipboard()).isEqualTo(code.stripTrailing()).contains("PyObject");
		browser.waitUntil(() -> browser.driver()
			.findElement(By.id("page-status"))
			.getDomProperty("textContent")
			.equals("Code copied."));
	}

	@Test
	void aQuestionPageWithItsStylesScriptsAndIconsIsAtMost30KbOnTheWireBesidesTheHighlighter() {
		browser.viewport(1280).scheme("light");
		Map<String, Long> question = browser.transferred(CODE_IN_C);
		long total = question.values().stream().mapToLong(Long::longValue).sum();
		Map<String, Long> category = browser.transferred(PROGRAMMING);
		long categoryTotal = category.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf("transferred: question page %s = %d bytes in %d requests %s%n", CODE_IN_C, total,
				question.size(), question);
		System.out.printf("transferred: category page %s = %d bytes (page %d)%n", PROGRAMMING, categoryTotal,
				category.get(PROGRAMMING));

		// Assets are linked by a name with their content hash (web/AssetLinks).
		assertThat(question).containsKey(CODE_IN_C);
		assertThat(question.keySet()).anyMatch(path -> path.matches("/css/site-[0-9a-f]{32}\\.css"))
			.anyMatch(path -> path.matches("/js/page-[0-9a-f]{32}\\.js"))
			.anyMatch(path -> path.matches("/favicon-[0-9a-f]{32}\\.svg"));
		assertThat(question).allSatisfy((path, bytes) -> assertThat(bytes).as(path).isPositive());
		// The code highlighter comes only with code in a language, and once a year (its
		// name has its hash): counted apart.
		long highlighter = question.entrySet()
			.stream()
			.filter(file -> file.getKey().startsWith("/webjars/highlightjs/"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		assertThat(highlighter).as("highlight.js on the wire").isLessThanOrEqualTo(HIGHLIGHTER_BUDGET);
		assertThat(total - highlighter).isLessThanOrEqualTo(QUESTION_PAGE_BUDGET);
		assertThat(question.keySet()).as("nothing from other sites").allMatch(path -> path.startsWith("/"));
	}

}
