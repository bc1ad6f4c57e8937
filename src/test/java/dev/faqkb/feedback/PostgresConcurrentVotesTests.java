package dev.faqkb.feedback;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Concurrent votes on a real PostgreSQL server, in a schema of their own. */
@PostgresTest
class PostgresConcurrentVotesTests extends ConcurrentVotesContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabases.freshPostgresSchema().forEach((name, value) -> registry.add(name, () -> value));
	}

}
