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
 * The database's disk fills up while readers vote, as it did in the fault probe that lost acknowledged votes: the
 * real jar, its database on a small filesystem of its own, filled by another file. While the disk is full every vote
 * is refused with a 503 and {@code Retry-After}; once space returns votes are taken again without a restart; after a
 * SIGKILL, with the disk still full or not, and a restart every vote that was answered 200 is stored. Run on the embedded H2 database ({@link H2FullDiskIT}).
 */
abstract class FullDiskContract {

	private static final String ANSWER = "/faq/help/export";

	private static final int READERS = 4;

	private static final long MB = 1024 * 1024;

	/** Longer than two rechecks of the storage (every 5 s), which must not call a full disk usable. */
	private static final Duration FULL_FOR = Duration.ofSeconds(12);

	@TempDir
	Path dir;

	/** Command-line arguments that put the database under test on {@code disk}. */
	abstract List<String> databaseArguments(Path disk);

	/** A connection to that database, once the application has stopped. */
	abstract Connection connect(Path disk) throws SQLException;

	/**
	 * The default: a disk with less free space than {@code faqkb.database.min-free-space} refuses votes at once,
	 * before the database tries to write, and keeps refusing them until space returns.
	 */
	@Test
	void votesAreRefusedWith503WhileTheDiskIsFullAndTakenAgainWhenSpaceReturns() throws Exception {
		Outcome outcome = fillWhileVoting(List.of(), 4 * MB, true);
		assertThat(outcome.whileFull()).as("answers while the disk was full").containsOnlyKeys(503);
		assertThat(outcome.lost()).isEmpty();
	}

	/**
	 * Without the free-space check, the database itself meets the full disk: writes fail and may succeed again
	 * (space inside its file), and every vote answered 200 must be on disk, which is what the fault probe found
	 * broken (acknowledged votes gone after a SIGKILL).
	 */
	@Test
	void noVoteAnswered200IsLostWhenTheDatabaseItselfRunsOutOfSpace() throws Exception {
		Outcome outcome = fillWhileVoting(List.of("--faqkb.database.min-free-space=0"), MB, false);
		assertThat(outcome.whileFull()).as("answers while the disk was full").containsKey(503);
		assertThat(outcome.lost()).as("votes answered 200 that are gone").isEmpty();
	}

	/**
	 * Votes, fills the disk to {@code leftBytes}, votes for {@link #FULL_FOR}, then kills the jar: at once, with the
	 * disk still full (where writes held in memory are lost), or after space returned and votes were taken again
	 * ({@code recoverFirst}); then restarts it with space and reads what is stored.
	 */
	private Outcome fillWhileVoting(List<String> settings, long leftBytes, boolean recoverFirst) throws Exception {
		try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 48)) {
			Path content = TestContent.write(Files.createDirectories(dir.resolve("content")));
			List<String> args = new ArrayList<>(databaseArguments(disk.dir()));
			args.addAll(List.of("--faqkb.content-dir=" + content, "--faqkb.content.watch=false",
					"--faqkb.feedback.rate-limit=1000000", "--faqkb.search.semantic.enabled=false"));
			args.addAll(settings);
			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			Map<Integer, AtomicInteger> whileFull = new ConcurrentHashMap<>();
			try (RunningJar app = RunningJar.start(dir.resolve("first-run.log"), args)) {
				ReaderHttp reader = new ReaderHttp(app.port(), ANSWER);
				// A database with some history: its file has room inside that small writes may still use.
				inParallel(() -> {
					for (int i = 0; i < 400; i++) {
						assertThat(vote(reader, "before", acknowledged).statusCode()).isEqualTo(200);
					}
				});

				disk.fill(leftBytes);
				votesWhileFull(reader, acknowledged, whileFull);

				if (recoverFirst) {
					disk.free();
					Instant deadline = Instant.now().plusSeconds(30);
					int status;
					do {
						Thread.sleep(500);
						status = vote(reader, "after", acknowledged).statusCode();
					}
					while (status != 200 && Instant.now().isBefore(deadline));
					assertThat(status).as("votes taken again within 30 s of the space returning").isEqualTo(200);
					for (int i = 0; i < 30; i++) {
						assertThat(vote(reader, "after", acknowledged).statusCode()).isEqualTo(200);
					}
				}
				app.kill();
			}
			disk.free();
			try (RunningJar restarted = RunningJar.start(dir.resolve("restart.log"), args)) {
				new ReaderHttp(restarted.port(), ANSWER);
			}

			Set<String> stored = storedComments(disk.dir());
			List<String> lost = acknowledged.stream().filter(comment -> !stored.contains(comment)).toList();
			Map<String, Long> lostByPhase = lost.stream()
				.collect(Collectors.groupingBy(comment -> comment.split(" ")[0], Collectors.counting()));
			System.out.printf("%s %s: while the disk was full %s; %d votes acknowledged in all, %d of them stored after SIGKILL and a restart; lost by phase %s%n",
					getClass().getSimpleName(), settings, whileFull, acknowledged.size(), acknowledged.size() - lost.size(), lostByPhase);
			return new Outcome(whileFull, lost);
		}
	}

	private record Outcome(Map<Integer, AtomicInteger> whileFull, List<String> lost) {
	}

	/** {@value #READERS} readers vote at once for {@link #FULL_FOR}: 200, or 503 with Retry-After. */
	private static void votesWhileFull(ReaderHttp reader, Set<String> acknowledged, Map<Integer, AtomicInteger> statuses)
			throws Exception {
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
		});
	}

	/** Runs {@code reader} in {@value #READERS} threads at once, until each is done. */
	private static void inParallel(Reader reader) throws Exception {
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < READERS; i++) {
				running.add(readers.submit(() -> {
					reader.run();
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

	private Set<String> storedComments(Path disk) throws SQLException {
		Set<String> comments = new HashSet<>();
		try (Connection db = connect(disk); ResultSet rs = db.createStatement().executeQuery("SELECT comment_text FROM vote")) {
			while (rs.next()) {
				comments.add(rs.getString(1));
			}
		}
		return comments;
	}

}
