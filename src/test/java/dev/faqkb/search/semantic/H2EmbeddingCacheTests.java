package dev.faqkb.search.semantic;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

/** The embedding cache in the embedded H2 file database of the data folder. */
class H2EmbeddingCacheTests extends EmbeddingCacheContract {

	@TempDir
	Path data;

	@Override
	JdbcTemplate database() {
		return SemanticFixture.h2Database(data);
	}

}
