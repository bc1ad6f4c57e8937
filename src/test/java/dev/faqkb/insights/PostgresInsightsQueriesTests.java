package dev.faqkb.insights;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same insights tests as on H2, on a real PostgreSQL server, in a schema of their
 * own.
 */
@PostgresTest
class PostgresInsightsQueriesTests extends InsightsQueriesContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.freshPostgresSchema().forEach((name, value) -> registry.add(name, () -> value));
	}

}
