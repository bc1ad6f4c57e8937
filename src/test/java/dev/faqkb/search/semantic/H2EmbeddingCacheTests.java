package dev.faqkb.search.semantic;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The embedding cache in the embedded H2 file database of the data folder. */
class H2EmbeddingCacheTests extends EmbeddingCacheContract {

	private final AtomicInteger databases = new AtomicInteger();

	private HikariDataSource pool;

	@TempDir
	Path data;

	@Override
	FluentConfiguration emptyDatabase() {
		pool = new HikariDataSource();
		// pooled as in the application
		pool.setJdbcUrl("jdbc:h2:file:" + data.toAbsolutePath().resolve("faqkb-" + databases.incrementAndGet()));
		pool.setUsername("sa");
		pool.setPassword("");
		return Flyway.configure().dataSource(pool);
	}

	@AfterEach
	void closePool() {
		if (pool != null) {
			pool.close();
		}
	}

}
