package dev.faqkb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test class only when the shared test data it reads is beside the checkout
 * ({@value #ROOT}: the Python FAQ in three languages, the labelled queries, the seed).
 * Without it the class is skipped with one line saying what is missing, decided before
 * anything of the class runs, so that neither an application context nor a browser is
 * started for nothing. A clone with nothing beside it passes {@code ./mvnw verify} this
 * way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SharedTestData.Condition.class)
public @interface SharedTestData {

	/**
	 * Where the shared test data lives, relative to the checkout (the working directory
	 * of the tests).
	 */
	String ROOT = "../shared";

	/**
	 * The files or folders under {@value #ROOT} the class reads, such as
	 * {@code corpora/python-faq}.
	 */
	String[] value();

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String[] needed = context.getTestClass()
				.flatMap(type -> AnnotationSupport.findAnnotation(type, SharedTestData.class))
				.map(SharedTestData::value)
				.orElse(new String[0]);
			String missing = String.join(", ",
					Stream.of(needed)
						.map(relative -> Path.of(ROOT, relative))
						.filter(path -> !Files.exists(path))
						.map(Path::toString)
						.toList());
			if (missing.isEmpty()) {
				return ConditionEvaluationResult.enabled("shared test data present");
			}
			return ConditionEvaluationResult.disabled("Skipped: the shared test data beside the checkout is missing ("
					+ missing + "); see docs/developers.md, 'Tests'");
		}

	}

}
