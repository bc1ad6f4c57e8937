package dev.faqkb.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How pages use the screen they get: a long category's contents folded on a phone and
 * beside the answers on a laptop, its answers' feedback folded, a question page's
 * category beside the answer on a wide screen, the search's category chips on one line on
 * a phone, the admin's open questions stacked on a phone, and code coloured in both
 * themes without moving anything; every page without an axe violation light and dark at
 * 320 and 1280 px.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "faqkb.admin.password=" + LayoutAndCodeBrowserTest.ADMIN_PASSWORD)
class LayoutAndCodeBrowserTest extends BrowserTestBase {

	static final String ADMIN_PASSWORD = "layout-test-password";

	static final String LONG = "/faq/library";

	static final String CODE = "/faq/code/how-do-i-read-a-file";

	static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("layout-category-long", LONG);
		PAGES.put("layout-category-code", "/faq/code");
		PAGES.put("layout-question-code", CODE);
		PAGES.put("layout-search-facets", "/search?q=file");
		PAGES.put("layout-ask", "/ask?q=how+do+I+print+a+file");
	}

	@TestContent.Setup
	static void content(TestContent content) {
		String library = IntStream.rangeClosed(1, 30)
			.mapToObj(i -> "## How do I use module number " + i + " of the file library? {#module-" + i + "}\n\n"
					+ "Import it and call `open_file()` with the file's name; module " + i + " does the rest.\n")
			.collect(Collectors.joining("\n", "# Modules\n\n", ""));
		content.site("title: Layout FAQ\n")
			.file("library.md", "---\ntitle: Library\norder: 1\n---\n\n" + library)
			.file("code.md", """
					---
					title: Code
					order: 2
					---

					## How do I read a file? {#how-do-i-read-a-file}

					In Python, open the file in a `with` block:

					```python
					# the file is closed at the end of the block
					def first_line(path: str) -> str:
					    with open(path, encoding="utf-8") as file:
					        return file.readline().strip()  # a string, 42 characters at most
					```

					In Java:

					```java
					public static String firstLine(Path path) throws IOException {
					    return Files.readAllLines(path).get(0); // "the first line"
					}
					```

					From the shell, with no language given:

					```
					head -n 1 notes.txt
					```

					## How do I write a file? {#write}

					With `open(path, "w")`.
					""")
			.file("shell.md",
					"---\ntitle: Shell\norder: 3\n---\n\n## How do I list a file's lines? {#lines}\n\n"
							+ "With `wc -l file`.\n")
			.file("misc.md", "---\ntitle: Miscellaneous questions about files\norder: 4\n---\n\n"
					+ "## Where is my file? {#where}\n\nIn your home folder, as a file.\n");
	}

	@TestFactory
	Stream<DynamicTest> thesePagesHaveNoAxeViolationAndFitThePhoneInBothThemes() {
		return withoutAxeViolationsInBothThemesOnAPhoneAndALaptop(PAGES);
	}

	@Test
	void onAPhoneTheCategoryContentsFoldToOneLineAndOpenWhenTapped() {
		browser.viewport(390).scheme("light").open(LONG);
		WebElement toc = browser.driver().findElement(By.cssSelector(".toc"));
		WebElement fold = toc.findElement(By.tagName("details"));
		assertThat(fold.getDomProperty("open")).isEqualTo("false");
		assertThat(toc.getSize().getHeight()).as("the folded contents' height").isLessThan(70);
		WebElement firstAnswer = browser.driver().findElement(By.id("module-1"));
		assertThat(firstAnswer.getLocation().getY()).as("the first answer is on the first screen").isLessThan(720);
		WebElement firstLink = toc.findElement(By.cssSelector("a[href='#module-1']"));
		assertThat(firstLink.isDisplayed()).isFalse();

		fold.findElement(By.tagName("summary")).click();
		assertThat(fold.getDomProperty("open")).isEqualTo("true");
		assertThat(firstLink.isDisplayed()).isTrue();
		firstLink.click();
		browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#module-1"));
	}

	@Test
	void onALaptopTheCategoryContentsStandOpenBesideTheAnswers() {
		browser.viewport(1280).scheme("light").open(LONG);
		WebElement toc = browser.driver().findElement(By.cssSelector(".toc"));
		assertThat(toc.findElement(By.tagName("details")).getDomProperty("open")).isEqualTo("true");
		WebElement lastLink = toc.findElement(By.cssSelector("a[href='#module-30']"));
		assertThat(lastLink.getDomProperty("textContent"))
			.isEqualTo("How do I use module number 30 of the file library?");
		WebElement answers = browser.driver().findElement(By.cssSelector(".answers"));
		assertThat(toc.getLocation().getX() + toc.getSize().getWidth()).isLessThan(answers.getLocation().getX());
		assertThat(toc.findElement(By.cssSelector("a[href='#module-1']")).isDisplayed()).isTrue();
		// As without JavaScript, which opens it: the style alone shows the contents here.
		// (Seen as a reader sees it: WebDriver's isDisplayed takes anything in a closed
		// details for hidden.)
		browser.js("document.querySelector('.toc-fold').open = false");
		assertThat(browser.js("""
				var link = document.querySelector('.toc a[href="#module-1"]'), box = link.getBoundingClientRect();
				return box.height > 0 && document.elementFromPoint(box.left + 2, box.top + box.height / 2) === link;
				""")).isEqualTo(true);
	}

	@Test
	void aCategoryPageFoldsEachAnswersFeedbackToOneLine() {
		browser.viewport(1280).scheme("light").open(LONG);
		List<WebElement> folds = browser.driver().findElements(By.cssSelector(".question details.feedback-fold"));
		assertThat(folds).hasSize(30);
		assertThat(browser.driver().findElements(By.cssSelector(".feedback-vote button")))
			.as("Yes and No buttons shown before a reader asks for them")
			.noneMatch(WebElement::isDisplayed);
		WebElement first = folds.get(0);
		assertThat(first.getSize().getHeight()).isLessThan(40);
		first.findElement(By.tagName("summary")).click();
		WebElement yes = first.findElement(By.cssSelector("button[value='yes']"));
		assertThat(yes.isDisplayed()).isTrue();
		assertThat(yes.getAccessibleName()).isEqualTo("Yes");

		browser.open("/faq/library/module-1");
		assertThat(browser.driver().findElements(By.cssSelector(".feedback-fold"))).isEmpty();
		assertThat(browser.driver().findElement(By.cssSelector(".feedback button[value='yes']")).isDisplayed())
			.as("the answer's own page shows its feedback open")
			.isTrue();
	}

	@Test
	void aWideQuestionPageShowsItsCategorysQuestionsOnTheRightAndAPhoneDoesNot() {
		browser.viewport(1280).scheme("light").open("/faq/library/module-3");
		WebElement side = browser.driver().findElement(By.cssSelector("nav.category-nav"));
		WebElement answer = browser.driver().findElement(By.cssSelector(".question-page .answer"));
		assertThat(side.isDisplayed()).isTrue();
		assertThat(side.getLocation().getX()).as("right of the answer")
			.isGreaterThan(answer.getLocation().getX() + answer.getSize().getWidth());
		assertThat(side.getLocation().getX() + side.getSize().getWidth()).isLessThanOrEqualTo(1280);
		assertThat(side.findElements(By.cssSelector("li a"))).hasSize(30);
		WebElement current = side.findElement(By.cssSelector("a[aria-current='page']"));
		assertThat(current.getText()).isEqualTo("How do I use module number 3 of the file library?");
		assertThat(side.findElement(By.cssSelector("h2 a")).getDomAttribute("href")).isEqualTo("/faq/library");

		browser.viewport(390).open("/faq/library/module-3");
		assertThat(browser.driver().findElement(By.cssSelector("nav.category-nav")).isDisplayed()).isFalse();
	}

	@Test
	void codeWithALanguageIsColouredInBothThemesWithoutMovingAndPlainCodeIsLeftAlone() {
		for (String scheme : List.of("light", "dark")) {
			browser.viewport(1280).scheme(scheme).open(CODE);
			browser.waitUntil(() -> !browser.driver().findElements(By.cssSelector("code.hljs")).isEmpty());
			WebElement python = browser.driver().findElement(By.cssSelector("code.language-python"));
			WebElement keyword = python.findElement(By.cssSelector(".hljs-keyword"));
			assertThat(keyword.getText()).isEqualTo("def");
			assertThat(python.findElement(By.cssSelector(".hljs-comment")).getText())
				.isEqualTo("# the file is closed at the end of the block");
			String text = (String) browser.js("return getComputedStyle(arguments[0]).color", python);
			assertThat(keyword.getCssValue("color")).as("a keyword's colour differs from plain code's (%s)", scheme)
				.isNotEqualTo(text);
			assertThat(browser.driver().findElement(By.cssSelector("code.language-java .hljs-comment")).getText())
				.isEqualTo("// \"the first line\"");
			WebElement plain = browser.driver().findElement(By.cssSelector(".code-block:not(:has(.code-lang)) code"));
			assertThat(plain.findElements(By.cssSelector("span"))).as("a block without a language").isEmpty();
			assertThat(browser.axeViolations()).as("axe (colour contrast of the code) in the %s theme", scheme)
				.isEmpty();
		}
		// No shift: nothing moved as the page loaded (the Layout Instability API's
		// score), and the page's height is the same with the highlighter as without.
		browser.viewport(390).scheme("light").open(CODE);
		browser.waitUntil(() -> !browser.driver().findElements(By.cssSelector("code.hljs")).isEmpty());
		Number shift = (Number) browser.jsAsync("""
				var done = arguments[arguments.length - 1], score = 0;
				new PerformanceObserver(function (list) {
				  list.getEntries().forEach(function (e) { score += e.value; });
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(function () { done(score); }, 300);
				""");
		assertThat(shift.doubleValue()).as("cumulative layout shift").isZero();
		browser.viewport(1280).scheme("light").open(CODE);
		browser.waitUntil(() -> !browser.driver().findElements(By.cssSelector("code.hljs")).isEmpty());
		long coloured = height();
		browser.js("document.querySelectorAll('code.hljs').forEach(function (c) { c.textContent = c.textContent; })");
		assertThat(height()).isEqualTo(coloured);
	}

	@Test
	void copyCodeSitsInTheLanguageBarOrInTheCornerNeverOnAnEmptyBar() {
		browser.viewport(390).scheme("light").open(CODE);
		assertThat(browser.driver().findElements(By.cssSelector(".code-bar"))).as("bars: one per block with a language")
			.hasSize(2)
			.allSatisfy(bar -> assertThat(bar.findElement(By.cssSelector(".code-lang")).getText()).isNotEmpty());
		WebElement plain = browser.driver().findElement(By.cssSelector(".code-block:not(:has(.code-bar))"));
		WebElement copy = plain.findElement(By.cssSelector("button.code-copy"));
		assertThat(copy.getAccessibleName()).isEqualTo("Copy code");
		WebElement pre = plain.findElement(By.tagName("pre"));
		assertThat(copy.getLocation().getY()).as("over the block, not above it")
			.isGreaterThanOrEqualTo(pre.getLocation().getY());
		assertThat(copy.getLocation().getX() + copy.getSize().getWidth())
			.isLessThanOrEqualTo(pre.getLocation().getX() + pre.getSize().getWidth());

		browser.media("print");
		try {
			assertThat(browser.driver().findElements(By.cssSelector(".code-bar")))
				.as("printed bars have their language: no empty grey band")
				.allSatisfy(bar -> assertThat(bar.getText()).isNotBlank());
			assertThat(copy.isDisplayed()).isFalse();
		}
		finally {
			browser.media("");
		}
	}

	@Test
	void onAPhoneTheSearchCategoryChipsTakeOneLine() {
		browser.viewport(320).scheme("light").open("/search?q=file");
		List<WebElement> chips = browser.driver().findElements(By.cssSelector(".facets li"));
		assertThat(chips).as("All categories and four categories").hasSize(5);
		assertThat(chips.stream().map(chip -> chip.getLocation().getY()).distinct()).as("rows of chips").hasSize(1);
		assertThat(browser.overflow()).isLessThanOrEqualTo(0);
		// The last chip, off the screen, is reached by Tab and scrolled into view.
		WebElement last = chips.get(chips.size() - 1).findElement(By.tagName("a"));
		browser.js("arguments[0].focus()", last);
		browser.waitUntil(() -> {
			long right = ((Number) browser.js("return arguments[0].getBoundingClientRect().right", last)).longValue();
			return right <= 320;
		});
	}

	@Test
	void adminOpenQuestionsStackOnAPhoneAndTheAdminPagesLinkEachOther() {
		browser.viewport(1280).scheme("light").open("/ask?q=" + "where+is+the+configuration+file+kept");
		browser.driver().findElement(By.id("ask-email")).sendKeys("a.reader.with.a.long.address@example.com");
		browser.driver().findElement(By.cssSelector("form[data-ask] button[type='submit']")).click();
		browser.waitUntil(() -> browser.driver().findElement(By.cssSelector(".ask-done")).isDisplayed());

		browser.signIn("admin", ADMIN_PASSWORD);
		try {
			browser.viewport(358).open("/admin/insights");
			WebElement nav = browser.driver().findElement(By.cssSelector("nav.admin-nav"));
			nav.findElement(By.cssSelector("a[href='#open-questions']")).click();
			browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#open-questions"));
			WebElement table = browser.driver().findElement(By.cssSelector("table.open-questions"));
			assertThat(table.getSize().getWidth()).as("the open questions' width").isLessThanOrEqualTo(358);
			assertThat(browser.overflow()).isLessThanOrEqualTo(0);
			assertThat(table.findElement(By.cssSelector("td[data-label='Question']")).getText())
				.contains("where is the configuration file kept");
			assertThat(browser.axeViolations()).isEmpty();
			browser.driver().findElement(By.linkText("Back to the top of the insights")).click();
			browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("#main"));
			for (String scheme : List.of("light", "dark")) {
				for (int width : List.of(320, 1280)) {
					browser.viewport(width).scheme(scheme).open("/admin/insights");
					browser.screenshot("layout-admin-open-questions-" + scheme + "-" + width);
					assertThat(browser.axeViolations()).as("axe on the admin page, %s, %d px", scheme, width).isEmpty();
					assertThat(browser.overflow()).isLessThanOrEqualTo(0);
				}
			}
		}
		finally {
			browser.signOut();
		}
	}

	private long height() {
		return ((Number) browser.js("return document.documentElement.scrollHeight")).longValue();
	}

}
