package dev.faqkb.feedback;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.faqkb.PostgresTest;
import dev.faqkb.TestDatabases;

/** The jar on the test PostgreSQL server, in a schema of its own. */
@PostgresTest
class PostgresAcknowledgedVotesSurviveKillIT extends AcknowledgedVotesSurviveKillContract {

	private final Map<String, String> database = TestDatabases.freshPostgresSchema();

	@Override
	List<String> databaseArguments(Path dir) {
		return database.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toList();
	}

	@Override
	Connection connect(Path dir) throws SQLException {
		return DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
	}

}
