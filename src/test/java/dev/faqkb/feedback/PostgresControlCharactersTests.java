package dev.faqkb.feedback;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Control characters in comments and searches, on PostgreSQL, which refuses NUL in text
 * columns.
 */
@PostgresTest
class PostgresControlCharactersTests extends ControlCharactersContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.freshPostgresSchema().forEach((name, value) -> registry.add(name, () -> value));
	}

}
