package dev.faqkb.feedback;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The default storage: the jar with no database settings keeps H2 files in
 * {@code faqkb.data-dir}.
 */
class H2AcknowledgedVotesSurviveKillIT extends AcknowledgedVotesSurviveKillContract {

	@Override
	List<String> databaseArguments(Path dir) {
		return List.of("--faqkb.data-dir=" + dir.resolve("data"));
	}

	@Override
	Connection connect(Path dir) throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").resolve("faqkb"), "sa", "");
	}

}
