package dev.faqkb.search.semantic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.faqkb.search.semantic.SemanticCacheTest.QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding cache in PostgreSQL, as replicas sharing one database use it: what every
 * database must do ({@link EmbeddingCacheContract}), and a second instance that starts
 * warm.
 */
@PostgresTest
class PostgresSemanticCacheTests extends EmbeddingCacheContract {

	@TempDir
	Path content;

	private HikariDataSource pool;

	@Override
	FluentConfiguration emptyDatabase() {
		Map<String, String> schema = TestDatabases.freshPostgresSchema();
		pool = new HikariDataSource();
		pool.setJdbcUrl(schema.get("spring.datasource.url"));
		pool.setUsername(schema.get("spring.datasource.username"));
		pool.setPassword(schema.get("spring.datasource.password"));
		return Flyway.configure().dataSource(pool).schemas(schema.get("spring.flyway.schemas"));
	}

	@AfterEach
	void closePool() {
		if (pool != null) {
			pool.close();
		}
	}

	@Test
	void aSecondInstanceOnTheSameDatabaseStartsWarm() {
		List<String> args = SemanticCacheTest.args(content, TestDatabases.freshPostgresSchema());
		assertThat(SemanticCacheTest.startAndPrepare(args))
			.isEqualTo(new SemanticSearch.Run(QUESTIONS, 0, QUESTIONS, 0));
		assertThat(SemanticCacheTest.startAndPrepare(args))
			.isEqualTo(new SemanticSearch.Run(QUESTIONS, QUESTIONS, 0, 0));
	}

}
