package dev.faqkb.feedback;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default storage, H2 files in {@code faqkb.data-dir}, on a disk that fills up. By
 * default a disk with less free space than {@code faqkb.database.min-free-space} refuses
 * votes at once, before the database tries to write, and keeps refusing them until space
 * returns: only 503s while it is full.
 */
class H2FullDiskIT extends FullDiskContract {

	@Override
	DatabaseOnDisk database(Path disk) {
		return new H2Files(disk.resolve("data"));
	}

	@Override
	long leftWhenFull() {
		return 4 * MB;
	}

	@Override
	Set<Integer> answersWhileFull() {
		return Set.of(503);
	}

	/**
	 * Without the free-space check, the database itself meets the full disk: writes fail
	 * and may succeed again (space inside its file), and every vote answered 200 must be
	 * on disk, which is what the fault probe found broken (acknowledged votes gone after
	 * a SIGKILL).
	 */
	@Test
	void noVoteAnswered200IsLostWhenTheDatabaseItselfRunsOutOfSpace() throws Exception {
		Outcome outcome = fillWhileVoting(List.of("--faqkb.database.min-free-space=0"), MB, false);
		assertThat(outcome.whileFull()).as("answers while the disk was full").containsKey(503);
		assertThat(outcome.lost()).as("votes answered 200 that are gone").isEmpty();
	}

	private record H2Files(Path data) implements DatabaseOnDisk {

		@Override
		public List<String> arguments() {
			return List.of("--faqkb.data-dir=" + data);
		}

		@Override
		public Connection connect() throws SQLException {
			return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("faqkb"), "sa", "");
		}

	}

}
