package dev.faqkb.feedback;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.faqkb.RunningJar;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of docs/operators.md ("Durability") that a vote is committed before the
 * reader is told it was received, tested the hard way: the real jar takes a burst of
 * votes from several readers at once and is killed with SIGKILL as soon as
 * {@value #ACKNOWLEDGED} have been answered; after a restart on the same data every
 * answered vote is there. Run on the embedded H2 database
 * ({@link H2AcknowledgedVotesSurviveKillIT}) and on PostgreSQL
 * ({@link PostgresAcknowledgedVotesSurviveKillIT}).
 */
abstract class AcknowledgedVotesSurviveKillContract {

	static final int ACKNOWLEDGED = 300;

	private static final int READERS = 8;

	private static final String ANSWER = "/faq/help/export";

	@TempDir
	Path dir;

	/**
	 * Command-line arguments that point the jar at the database under test; {@code dir}
	 * is the test's folder.
	 */
	abstract List<String> databaseArguments(Path dir);

	/** A connection to that database, once the application has stopped. */
	abstract Connection connect(Path dir) throws SQLException;

	@Test
	void everyVoteAnsweredBeforeSigkillIsStoredAfterTheRestart() throws Exception {
		Path content = TestContent.write(Files.createDirectories(dir.resolve("content")));
		List<String> args = new ArrayList<>(databaseArguments(dir));
		args.addAll(List.of("--faqkb.content-dir=" + content, "--faqkb.content.watch=false",
				"--faqkb.feedback.rate-limit=1000000"));
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();

		try (RunningJar app = RunningJar.start(dir.resolve("first-run.log"), args)) {
			burstUntilKilled(app, new ReaderHttp(app.port(), ANSWER), acknowledged);
		}
		try (RunningJar restarted = RunningJar.start(dir.resolve("restart.log"), args)) {
			// Opens the answer page and takes a form token: the site serves again on the
			// data the crash left.
			new ReaderHttp(restarted.port(), ANSWER);
		}

		Set<String> stored = storedComments();
		List<String> lost = acknowledged.stream().filter(comment -> !stored.contains(comment)).toList();
		System.out.printf(
				"%s: %d votes acknowledged before SIGKILL, %d of them stored after the restart (%d stored in all)%n",
				getClass().getSimpleName(), acknowledged.size(), acknowledged.size() - lost.size(), stored.size());
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED);
		assertThat(lost).as("%d of %d votes answered 200 before SIGKILL are gone", lost.size(), acknowledged.size())
			.isEmpty();
	}

	/**
	 * Votes from {@value #READERS} readers at once until {@value #ACKNOWLEDGED} are
	 * answered, then SIGKILL.
	 */
	private static void burstUntilKilled(RunningJar app, ReaderHttp reader, Set<String> acknowledged) throws Exception {
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < READERS; i++) {
				running.add(readers.submit(() -> {
					while (!killed.get()) {
						String readerId = UUID.randomUUID().toString();
						String comment = "crash test " + readerId;
						HttpResponse<String> vote;
						try {
							vote = reader.vote(ANSWER, readerId, "yes", comment);
						}
						catch (IOException cutOff) {
							if (killed.get()) {
								return null; // in flight when the process died: never
												// acknowledged
							}
							throw cutOff;
						}
						assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
						assertThat(vote.body()).contains("\"counted\":true");
						acknowledged.add(comment);
						if (acknowledged.size() >= ACKNOWLEDGED && killed.compareAndSet(false, true)) {
							app.kill();
						}
					}
					return null;
				}));
			}
			for (Future<?> thread : running) {
				thread.get();
			}
		}
		finally {
			readers.shutdownNow();
		}
	}

	private Set<String> storedComments() throws SQLException {
		Set<String> comments = new HashSet<>();
		try (Connection db = connect(dir);
				ResultSet rs = db.createStatement().executeQuery("SELECT comment_text FROM vote")) {
			while (rs.next()) {
				comments.add(rs.getString(1));
			}
		}
		return comments;
	}

}
