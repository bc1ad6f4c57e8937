package dev.faqkb.browser;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * One Chromium for a test class, pointed at the application on its random port;
 * subclasses say how the application runs ({@code @SpringBootTest} or
 * {@code @FaqkbWebTest} with {@code webEnvironment = RANDOM_PORT}). Per class, because
 * starting a browser takes seconds.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		browser = Browser.start("http://127.0.0.1:" + port);
	}

	/**
	 * A test for each page (by screenshot name), light and dark, at 320 and 1280 px: no
	 * axe-core WCAG 2.1 AA violation, nothing wider than the screen, and a screenshot
	 * kept.
	 */
	Stream<DynamicTest> withoutAxeViolationsInBothThemesOnAPhoneAndALaptop(Map<String, String> pages) {
		return pages.entrySet()
			.stream()
			.flatMap(page -> Stream.of("light", "dark")
				.flatMap(scheme -> Stream.of(320, 1280)
					.map(width -> dynamicTest(page.getKey() + ", " + scheme + ", " + width + " px", () -> {
						browser.viewport(width).scheme(scheme).open(page.getValue());
						browser.screenshot(page.getKey() + "-" + scheme + "-" + width);
						List<String> violations = browser.axeViolations();
						System.out.printf("axe %s %s %d px: %d violations%n", page.getKey(), scheme, width,
								violations.size());
						assertThat(violations)
							.as("axe-core WCAG 2.1 AA violations on %s (%s, %d px)", page.getValue(), scheme, width)
							.isEmpty();
						assertThat(browser.overflow()).as("pixels wider than the screen").isLessThanOrEqualTo(0);
					}))));
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

}
