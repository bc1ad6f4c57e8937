package dev.faqkb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against the real PostgreSQL server named by
 * {@code FAQKB_TEST_POSTGRES_URL} (started by {@code .ci/run}). Without it the class is
 * skipped with a message, except in CI ({@code CI=true}), where a missing server fails
 * the build rather than silently testing less.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresTest.Condition.class)
public @interface PostgresTest {

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (TestDatabases.postgresUrl() != null) {
				return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabases.postgresUrl());
			}
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but FAQKB_TEST_POSTGRES_URL is not set: .ci/run starts "
						+ "PostgreSQL and sets it; the PostgreSQL tests must run in CI, not be skipped");
			}
			return ConditionEvaluationResult.disabled("FAQKB_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped "
					+ "(point it at a server, e.g. jdbc:postgresql://127.0.0.1:5432/faqkb_test, see the README)");
		}

	}

}
