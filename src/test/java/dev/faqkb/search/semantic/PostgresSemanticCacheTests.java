package dev.faqkb.search.semantic;

import java.nio.file.Path;
import java.util.List;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.faqkb.search.semantic.SemanticCacheTest.QUESTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedding cache in PostgreSQL, as replicas sharing one database use it. */
@PostgresTest
class PostgresSemanticCacheTests {

	@TempDir
	Path content;

	@Test
	void aSecondInstanceOnTheSameDatabaseStartsWarm() {
		List<String> args = SemanticCacheTest.args(content, TestDatabases.freshPostgresSchema());
		assertThat(SemanticCacheTest.startAndPrepare(args)).isEqualTo(new SemanticSearch.Run(QUESTIONS, 0, QUESTIONS, 0));
		assertThat(SemanticCacheTest.startAndPrepare(args)).isEqualTo(new SemanticSearch.Run(QUESTIONS, QUESTIONS, 0, 0));
	}

}
