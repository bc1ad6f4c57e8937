package dev.faqkb.feedback;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.faqkb.RunningJar;
import dev.faqkb.SmallDisk;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's disk fills up while readers vote, as it did in the fault probe that lost
 * acknowledged votes: the real jar, its database on a small filesystem of its own, filled
 * by another file. While the disk is full votes are refused with a 503 and
 * {@code Retry-After} (or taken, where the database still has room for them, and then
 * kept); once space returns votes are taken again without restarting the jar; after a
 * SIGKILL, with the disk still full or not, and a restart every vote that was answered
 * 200 is stored. Run on the embedded H2 database ({@link H2FullDiskIT}) and on a
 * PostgreSQL server whose data and WAL are on the small disk
 * ({@link PostgresFullDiskIT}).
 */
abstract class FullDiskContract {

	static final long MB = 1024 * 1024;

	private static final String ANSWER = "/faq/help/export";

	private static final int READERS = 4;

	/**
	 * Longer than two rechecks of the storage (every 5 s), which must not call a full
	 * disk usable.
	 */
	private static final Duration FULL_FOR = Duration.ofSeconds(12);

	@TempDir
	Path dir;

	/**
	 * The database under test, made on {@code disk} (a server: started); closed before
	 * the disk is unmounted.
	 */
	abstract DatabaseOnDisk database(Path disk) throws Exception;

	/** Free space left when the disk is filled. */
	abstract long leftWhenFull();

	/**
	 * The answers a vote may get while the disk is full: 503, and 200 where the database
	 * still has room.
	 */
	abstract Set<Integer> answersWhileFull();

	/** The small disk's size: the database as made, and room for its first votes. */
	int diskMegabytes() {
		return 48;
	}

	/** A database on the small disk, as the test sees it. */
	interface DatabaseOnDisk extends AutoCloseable {

		/** Command-line arguments that point the jar at it. */
		List<String> arguments();

		/** A connection to it, once the application has stopped. */
		Connection connect() throws SQLException;

		/**
		 * Called while the disk is full and readers vote: what the database does on its
		 * own in a longer outage.
		 */
		default void whileFull() throws Exception {
		}

		/**
		 * Called once the disk has space again: what an operator or a supervisor does
		 * then.
		 */
		default void spaceReturned() throws Exception {
		}

		/**
		 * What the database did, for the test's report; empty when there is nothing to
		 * say.
		 */
		default String whatItDid() throws Exception {
			return "";
		}

		@Override
		default void close() throws Exception {
		}

	}

	/**
	 * Votes, a full disk ({@link #leftWhenFull()}) while readers keep voting, then space
	 * back: votes are taken again within 30 s without restarting the jar, and after a
	 * SIGKILL and a restart every vote answered 200 is there.
	 */
	@Test
	void votesAreRefusedWith503WhileTheDiskIsFullAndTakenAgainWhenSpaceReturns() throws Exception {
		Outcome outcome = fillWhileVoting(List.of(), leftWhenFull(), true);
		assertThat(outcome.whileFull()).as("answers while the disk was full").containsKey(503);
		assertThat(outcome.whileFull().keySet()).as("answers while the disk was full").isSubsetOf(answersWhileFull());
		assertThat(outcome.lost()).as("votes answered 200 that are gone").isEmpty();
	}

	/**
	 * Votes, fills the disk to {@code leftBytes}, votes for {@link #FULL_FOR}, then kills
	 * the jar: at once, with the disk still full (where writes held in memory are lost),
	 * or after space returned and votes were taken again ({@code recoverFirst}); then
	 * restarts it with space and reads what is stored.
	 */
	Outcome fillWhileVoting(List<String> settings, long leftBytes, boolean recoverFirst) throws Exception {
		try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), diskMegabytes());
				DatabaseOnDisk database = database(disk.dir())) {
			Path content = TestContent.write(Files.createDirectories(dir.resolve("content")));
			List<String> args = new ArrayList<>(database.arguments());
			args.addAll(List.of("--faqkb.content-dir=" + content, "--faqkb.content.watch=false",
					"--faqkb.feedback.rate-limit=1000000", "--faqkb.search.semantic.enabled=false"));
			args.addAll(settings);
			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			Map<Integer, AtomicInteger> whileFull = new ConcurrentHashMap<>();
			String recovery = "";
			try (RunningJar app = RunningJar.start(dir.resolve("first-run.log"), args)) {
				ReaderHttp reader = new ReaderHttp(app.port(), ANSWER);
				// A database with some history: its file has room inside that small
				// writes may still use.
				inParallel(() -> {
					for (int i = 0; i < 400; i++) {
						assertThat(vote(reader, "before", acknowledged).statusCode()).isEqualTo(200);
					}
				});

				disk.fill(leftBytes);
				votesWhileFull(reader, acknowledged, whileFull, () -> {
					database.whileFull();
					// The disk stays full: what the database freed (PostgreSQL removes
					// WAL as it recovers) is taken.
					disk.fill(leftBytes);
				});

				if (recoverFirst) {
					Instant freed = Instant.now();
					disk.free();
					database.spaceReturned();
					Instant deadline = freed.plusSeconds(30);
					int status;
					do {
						Thread.sleep(500);
						status = vote(reader, "after", acknowledged).statusCode();
					}
					while (status != 200 && Instant.now().isBefore(deadline));
					assertThat(status).as("votes taken again within 30 s of the space returning").isEqualTo(200);
					recovery = " (taken again " + Duration.between(freed, Instant.now()).toMillis() / 100 / 10.0
							+ " s after space returned)";
					for (int i = 0; i < 30; i++) {
						assertThat(vote(reader, "after", acknowledged).statusCode()).isEqualTo(200);
					}
				}
				app.kill();
			}
			disk.free();
			database.spaceReturned();
			try (RunningJar restarted = RunningJar.start(dir.resolve("restart.log"), args)) {
				new ReaderHttp(restarted.port(), ANSWER);
			}

			Set<String> stored = storedComments(database);
			List<String> lost = acknowledged.stream().filter(comment -> !stored.contains(comment)).toList();
			Map<String, Long> lostByPhase = lost.stream()
				.collect(Collectors.groupingBy(comment -> comment.split(" ")[0], Collectors.counting()));
			System.out.printf(
					"%s %s: while the disk was full %s%s; %d votes acknowledged in all, %d of them stored after SIGKILL and a restart; lost by phase %s%s%n",
					getClass().getSimpleName(), settings, whileFull, recovery, acknowledged.size(),
					acknowledged.size() - lost.size(), lostByPhase,
					database.whatItDid().isEmpty() ? "" : "; " + database.whatItDid());
			return new Outcome(whileFull, lost);
		}
	}

	record Outcome(Map<Integer, AtomicInteger> whileFull, List<String> lost) {
	}

	/**
	 * {@value #READERS} readers vote at once for {@link #FULL_FOR}: 200, or 503 with
	 * Retry-After; a third of the way in, {@code meanwhile}.
	 */
	private static void votesWhileFull(ReaderHttp reader, Set<String> acknowledged,
			Map<Integer, AtomicInteger> statuses, Reader meanwhile) throws Exception {
		Instant until = Instant.now().plus(FULL_FOR);
		inParallel(() -> {
			while (Instant.now().isBefore(until)) {
				HttpResponse<String> vote = vote(reader, "full", acknowledged);
				statuses.computeIfAbsent(vote.statusCode(), code -> new AtomicInteger()).incrementAndGet();
				assertThat(vote.statusCode()).as(vote.body()).isIn(200, 503);
				if (vote.statusCode() == 503) {
					assertThat(vote.headers().firstValue("Retry-After")).isPresent();
				}
				Thread.sleep(20);
			}
		}, () -> {
			Thread.sleep(FULL_FOR.toMillis() / 3);
			meanwhile.run();
		});
	}

	/** Runs {@code reader} in {@value #READERS} threads at once, until each is done. */
	private static void inParallel(Reader reader) throws Exception {
		inParallel(reader, () -> {
		});
	}

	/**
	 * Runs {@code reader} in {@value #READERS} threads at once and {@code meanwhile} in
	 * this one, until all are done.
	 */
	private static void inParallel(Reader reader, Reader meanwhile) throws Exception {
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < READERS; i++) {
				running.add(readers.submit(() -> {
					reader.run();
					return null;
				}));
			}
			meanwhile.run();
			for (Future<?> thread : running) {
				thread.get();
			}
		}
		finally {
			readers.shutdownNow();
		}
	}

	private interface Reader {

		void run() throws Exception;

	}

	/** A vote from a new reader, its comment remembered when it is answered 200. */
	private static HttpResponse<String> vote(ReaderHttp reader, String phase, Set<String> acknowledged)
			throws IOException, InterruptedException {
		String comment = phase + " " + UUID.randomUUID();
		HttpResponse<String> vote = reader.vote(ANSWER, UUID.randomUUID().toString(), "yes", comment);
		if (vote.statusCode() == 200) {
			acknowledged.add(comment);
		}
		return vote;
	}

	private static Set<String> storedComments(DatabaseOnDisk database) throws SQLException {
		Set<String> comments = new HashSet<>();
		try (Connection db = database.connect();
				ResultSet rs = db.createStatement().executeQuery("SELECT comment_text FROM vote")) {
			while (rs.next()) {
				comments.add(rs.getString(1));
			}
		}
		return comments;
	}

}
