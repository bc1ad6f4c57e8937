package dev.faqkb.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every page type of the demo site (the seed FAQ in {@code content/}), light and dark, on
 * a 320 px phone and a 1280 px laptop: no axe-core violation of WCAG 2.0/2.1 A and AA,
 * nothing wider than the screen, the theme the system asks for, and a screenshot under
 * {@code target/screenshots} for people to look at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faqkb.content.watch=false", "faqkb.admin.password=" + SeedPagesBrowserTest.ADMIN_PASSWORD })
class SeedPagesBrowserTest extends BrowserTestBase {

	static final String ADMIN_PASSWORD = "browser-test-password";

	static final String LARGEST = "whats-the-largest-mattermost-deployment-you-have";

	/** Page type (also the screenshot's name) to the address that shows it. */
	static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("home", "/");
		PAGES.put("category", "/faq/general");
		PAGES.put("category-targeted-answer", "/faq/general#" + LARGEST);
		PAGES.put("question", "/faq/general/does-mattermost-support-508-compliance");
		PAGES.put("question-marked", "/faq/general/" + LARGEST + "?hl=largest+deployment");
		PAGES.put("search-results", "/search?q=license");
		PAGES.put("search-no-results", "/search?q=zzqxv");
		PAGES.put("search-empty", "/search");
		PAGES.put("not-found", "/faq/general/no-such-question");
		PAGES.put("admin-insights", "/admin/insights");
	}

	@TestFactory
	Stream<DynamicTest> everyPageTypeHasNoAxeViolationAndFitsThePhoneInBothThemes() {
		return PAGES.entrySet()
			.stream()
			.flatMap(page -> Stream.of("light", "dark")
				.flatMap(scheme -> Stream.of(320, 1280)
					.map(width -> dynamicTest(page.getKey() + ", " + scheme + ", " + width + " px",
							() -> check(page.getKey(), page.getValue(), scheme, width)))));
	}

	/**
	 * The ask form sent back without JavaScript, refused for a mistyped e-mail address:
	 * what was typed is in the fields, the reason is at the field, which has the focus,
	 * and the page passes axe in both themes.
	 */
	@TestFactory
	Stream<DynamicTest> aRefusedQuestionComesBackWithTheFocusAtTheReasonAndNoAxeViolation() {
		String question = "<script>alert('x')</script> \"Why?\"";
		return Stream.of("light", "dark")
			.flatMap(scheme -> Stream.of(320, 1280)
				.map(width -> dynamicTest("ask refused, " + scheme + ", " + width + " px", () -> {
					browser.viewport(width).scheme(scheme).open("/ask?q=backup");
					WebElement box = browser.driver().findElement(By.id("ask-question"));
					assertThat(box.getDomProperty("value")).as("the search, filled in").isEqualTo("backup");
					box.clear();
					box.sendKeys(question);
					browser.driver().findElement(By.id("ask-email")).sendKeys("not an address");
					// As a browser without JavaScript sends it: submit() neither runs
					// ask.js nor the browser's checks.
					browser.js("document.querySelector('form[data-ask]').submit()");
					browser.waitUntil(() -> browser.driver().getTitle().startsWith("Error: Ask us"));

					WebElement email = browser.focused();
					assertThat(email.getDomAttribute("id")).isEqualTo("ask-email");
					assertThat(email.getDomProperty("value")).isEqualTo("not an address");
					assertThat(email.getDomAttribute("aria-describedby")).isEqualTo("ask-email-error");
					assertThat(browser.driver().findElement(By.id("ask-email-error")).getText()).isEqualTo(
							"“not an address” does not look like an e-mail address. Leave it empty if you need no reply.");
					assertThat(browser.driver().findElement(By.id("ask-question")).getDomProperty("value"))
						.isEqualTo(question);
					browser.screenshot("ask-refused-" + scheme + "-" + width);
					assertThat(browser.axeViolations())
						.as("axe-core on the refused ask form (%s, %d px)", scheme, width)
						.isEmpty();
					assertThat(browser.overflow()).isLessThanOrEqualTo(0);
				})));
	}

	private void check(String type, String path, String scheme, int width) {
		boolean admin = path.startsWith("/admin");
		if (admin) {
			browser.signIn("admin", ADMIN_PASSWORD);
		}
		try {
			browser.viewport(width).scheme(scheme).open(path);
			browser.screenshot(type + "-" + scheme + "-" + width);
			List<String> violations = browser.axeViolations();
			System.out.printf("axe %s %s %d px: %d violations%n", type, scheme, width, violations.size());
			assertThat(violations).as("axe-core WCAG 2.1 AA violations on %s (%s, %d px)", path, scheme, width)
				.isEmpty();
			assertThat(browser.overflow()).as("pixels wider than the %d px screen on %s", width, path)
				.isLessThanOrEqualTo(0);
			assertThat(browser.js("return getComputedStyle(document.documentElement).backgroundColor"))
				.as("page background in the %s scheme", scheme)
				.isEqualTo(scheme.equals("dark") ? "rgb(17, 20, 24)" : "rgb(255, 255, 255)");
		}
		finally {
			if (admin) {
				browser.signOut();
			}
		}
	}

}
