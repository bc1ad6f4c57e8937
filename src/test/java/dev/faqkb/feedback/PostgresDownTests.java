package dev.faqkb.feedback;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;

/**
 * The database down and back, on the test PostgreSQL server (a proxy in front of it is
 * cut, not the server).
 */
@PostgresTest
class PostgresDownTests extends DatabaseDownContract {

	private final Map<String, String> database = TestDatabases.freshPostgresSchema();

	// jdbc:postgresql://host:port/db?currentSchema=...
	private final URI server = URI.create(database.get("spring.datasource.url").substring("jdbc:".length()));

	@Override
	String serverHost() {
		return server.getHost();
	}

	@Override
	int serverPort() {
		return server.getPort() == -1 ? 5432 : server.getPort();
	}

	@Override
	Map<String, String> databaseThrough(int proxyPort) {
		Map<String, String> through = new LinkedHashMap<>(database);
		through.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxyPort + server.getRawPath()
				+ (server.getRawQuery() == null ? "" : "?" + server.getRawQuery()));
		return through;
	}

	@Override
	Connection connectDirectly() throws SQLException {
		return DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
	}

}
