package dev.faqkb.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, with what the tests need on top of WebDriver:
 * the viewport and colour scheme a reader might have (through the DevTools protocol, so
 * sizes are exact), axe-core run inside the page, screenshots under
 * {@code target/screenshots}, and the bytes a page load transferred.
 * <p>
 * Selenium Manager never runs: the driver's path is given, so nothing is looked up or
 * downloaded.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(env("FAQKB_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(env("FAQKB_CHROMEDRIVER", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** axe-core's rules for WCAG 2.0 and 2.1, levels A and AA: what the site promises. */
	private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String AXE = resource("/axe/axe.min.js");

	private final ChromeDriver driver;

	private final Path profile;

	private final String base;

	private String scheme = "light";

	private String media = "";

	private Browser(ChromeDriver driver, Path profile, String base) {
		this.driver = driver;
		this.profile = profile;
		this.base = base;
	}

	/**
	 * A fresh browser (own profile: no cookies, no storage) for the application at
	 * {@code base}.
	 */
	static Browser start(String base) {
		Path profile;
		try {
			profile = Files.createTempDirectory("faqkb-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// --no-sandbox: CI runs as root, where Chromium's sandbox cannot start. The rest
		// keeps Chromium from
		// reaching out to any other site on its own.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--user-data-dir=" + profile, "--lang=en-US", "--force-device-scale-factor=1", "--hide-scrollbars",
				"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
				"--disable-background-networking", "--disable-component-update", "--disable-default-apps");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Browser(driver, profile, base);
	}

	ChromeDriver driver() {
		return driver;
	}

	String base() {
		return base;
	}

	/**
	 * The viewport of a phone (320 px) or a laptop (1280 px): exact CSS pixels, as a
	 * reader's device has.
	 */
	Browser viewport(int width) {
		boolean phone = width < 600;
		cdp("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", phone ? 720 : 800, "deviceScaleFactor", 1, "mobile", phone));
		return this;
	}

	/**
	 * The system colour scheme the page sees ({@code prefers-color-scheme}: {@code light}
	 * or {@code dark}).
	 */
	Browser scheme(String scheme) {
		this.scheme = scheme;
		return emulate();
	}

	/** {@code print} to see the print stylesheet, {@code ""} for the screen again. */
	Browser media(String media) {
		this.media = media;
		return emulate();
	}

	private Browser emulate() {
		cdp("Emulation.setEmulatedMedia",
				Map.of("media", media, "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
		return this;
	}

	/** Loads {@code path} and waits until its deferred scripts have run. */
	Browser open(String path) {
		driver.get(path.startsWith("http") ? path : base + path);
		waitUntil(() -> "complete".equals(js("return document.readyState")));
		return this;
	}

	/** The reader's theme choice and cookies are forgotten, as for a first visit. */
	Browser forget() {
		driver.manage().deleteAllCookies();
		js("try { localStorage.clear(); } catch (e) {}");
		return this;
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	Object jsAsync(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> cdp(String command, Map<String, Object> parameters) {
		return driver.executeCdpCommand(command, parameters);
	}

	/** Keys as a reader presses them, to whatever has the focus. */
	Browser press(CharSequence... keys) {
		new Actions(driver).sendKeys(keys).perform();
		return this;
	}

	Browser tab() {
		return press(Keys.TAB);
	}

	WebElement focused() {
		return driver.switchTo().activeElement();
	}

	void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
	}

	/**
	 * axe-core's violations of the WCAG 2.0/2.1 A and AA rules in the page as it is now,
	 * one line each: rule, impact, and the elements with what is wrong with them. Empty
	 * when the page passes.
	 */
	@SuppressWarnings("unchecked")
	List<String> axeViolations() {
		if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
			js(AXE);
		}
		Object result = jsAsync("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(function (r) {
				    done(r.violations.map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.help + '\\n' + v.nodes.map(function (n) {
				        return '    ' + n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
				      }).join('\\n');
				    }));
				  }, function (e) { done(['axe failed: ' + e]); });
				""", WCAG_AA);
		return (List<String>) result;
	}

	/** How many CSS pixels the page is wider than the viewport (0 when it reflows). */
	long overflow() {
		return ((Number) js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
				+ " - window.innerWidth"))
			.longValue();
	}

	/**
	 * The viewport as a PNG, under {@code target/screenshots/{name}.png}, for people to
	 * look at.
	 */
	Path screenshot(String name) {
		Map<String, Object> shot = cdp("Page.captureScreenshot", Map.of("format", "png"));
		Path file = SCREENSHOTS.resolve(name + ".png");
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * Loads {@code path} with the cache off and adds up what went over the wire for the
	 * page and everything it loaded (compressed bodies and headers, as the Resource
	 * Timing API counts them).
	 */
	@SuppressWarnings("unchecked")
	Map<String, Long> transferred(String path) {
		cdp("Network.enable", Map.of());
		cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
		try {
			open(path);
			return ((Map<String, Number>) js("""
					var sizes = {};
					var navigation = performance.getEntriesByType('navigation')[0];
					sizes[location.pathname] = navigation.transferSize;
					performance.getEntriesByType('resource').forEach(function (r) {
					  var url = new URL(r.name);
					  sizes[url.origin === location.origin ? url.pathname : url.href] = r.transferSize;
					});
					return sizes;
					""")).entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue()));
		}
		finally {
			cdp("Network.setCacheDisabled", Map.of("cacheDisabled", false));
		}
	}

	/**
	 * How many A4 pages printing the current page takes (Chromium's own print to PDF,
	 * with the print styles).
	 */
	int printedPages() {
		Map<String, Object> pdf = cdp("Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69));
		String text = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
		return (int) Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(text).results().count();
	}

	/**
	 * Lets this site's pages write and read the clipboard, as a reader's click on "Copy"
	 * allows.
	 */
	Browser allowClipboard() {
		cdp("Browser.grantPermissions",
				Map.of("origin", base, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		return this;
	}

	/** What a paste would insert now. */
	String clipboard() {
		return (String) jsAsync("""
				var done = arguments[arguments.length - 1];
				navigator.clipboard.readText().then(done, function (e) { done('clipboard unreadable: ' + e); });
				""");
	}

	/**
	 * Sends HTTP Basic credentials with every request from now on (for the admin pages).
	 */
	Browser signIn(String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		cdp("Network.enable", Map.of());
		cdp("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
		return this;
	}

	Browser signOut() {
		cdp("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
		return this;
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}

	private static String resource(String name) {
		try (InputStream in = Browser.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the test resources");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
