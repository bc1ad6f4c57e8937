package dev.faqkb.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class in Debian's headless Chromium ({@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs). Without them the class is
 * skipped with a message, before its application starts; in CI ({@code CI=true}) missing
 * browsers fail the build rather than silently testing less.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserTest.Condition.class)
public @interface BrowserTest {

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			boolean there = Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER);
			if (there) {
				return ConditionEvaluationResult.enabled("Chromium at " + Browser.CHROMIUM);
			}
			String missing = Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER + " is missing";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but " + missing + ": .ci/run installs chromium and "
						+ "chromium-driver; the browser tests must run in CI, not be skipped");
			}
			return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing
					+ " (apt-get install chromium chromium-driver, or set FAQKB_CHROMIUM and FAQKB_CHROMEDRIVER)");
		}

	}

}
