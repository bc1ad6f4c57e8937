package dev.faqkb.ask;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests as on H2, on a real PostgreSQL server, in a schema of their own. */
@PostgresTest
class PostgresOpenQuestionsTests extends OpenQuestionsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.freshPostgresSchema().forEach((name, value) -> registry.add(name, () -> value));
	}

}
