package dev.faqkb.feedback;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** The default storage, H2 files in {@code faqkb.data-dir}, on a disk that fills up. */
class H2FullDiskIT extends FullDiskContract {

	@Override
	List<String> databaseArguments(Path disk) {
		return List.of("--faqkb.data-dir=" + disk.resolve("data"));
	}

	@Override
	Connection connect(Path disk) throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + disk.resolve("data").resolve("faqkb"), "sa", "");
	}

}
