package dev.faqkb.feedback;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Search log retention on PostgreSQL, in a schema of its own. */
@PostgresTest
class PostgresSearchLogRetentionTests extends SearchLogRetentionContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.freshPostgresSchema().forEach((name, value) -> registry.add(name, () -> value));
	}

}
