package dev.faqkb.search.semantic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static dev.faqkb.search.semantic.SemanticCacheTest.QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding cache in PostgreSQL, as replicas sharing one database use it: what every database must do
 * ({@link EmbeddingCacheContract}), and a second instance that starts warm.
 */
@PostgresTest
class PostgresSemanticCacheTests extends EmbeddingCacheContract {

	@TempDir
	Path content;

	@Override
	JdbcTemplate database() {
		Map<String, String> schema = TestDatabases.freshPostgresSchema();
		String url = schema.get("spring.datasource.url");
		Flyway.configure()
			.dataSource(url, schema.get("spring.datasource.username"), schema.get("spring.datasource.password"))
			.schemas(schema.get("spring.flyway.schemas"))
			.load()
			.migrate();
		return new JdbcTemplate(new DriverManagerDataSource(url, schema.get("spring.datasource.username"),
				schema.get("spring.datasource.password")));
	}

	@Test
	void aSecondInstanceOnTheSameDatabaseStartsWarm() {
		List<String> args = SemanticCacheTest.args(content, TestDatabases.freshPostgresSchema());
		assertThat(SemanticCacheTest.startAndPrepare(args)).isEqualTo(new SemanticSearch.Run(QUESTIONS, 0, QUESTIONS, 0));
		assertThat(SemanticCacheTest.startAndPrepare(args)).isEqualTo(new SemanticSearch.Run(QUESTIONS, QUESTIONS, 0, 0));
	}

}
