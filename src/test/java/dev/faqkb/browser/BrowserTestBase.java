package dev.faqkb.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

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

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

}
