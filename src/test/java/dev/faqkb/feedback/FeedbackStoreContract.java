package dev.faqkb.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.faqkb.search.QueryBudget;
import dev.faqkb.system.Sha256;
import dev.faqkb.system.Storage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback tables, run on H2 ({@link H2FeedbackStoreTests}) and on PostgreSQL
 * ({@link PostgresFeedbackStoreTests}). Each test uses its own category, so tests share a
 * database without seeing each other's rows. No test transaction: the code relies on each
 * statement committing on its own.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ Votes.class, SearchLog.class, ViewCounter.class, ClientHashes.class, Storage.class })
abstract class FeedbackStoreContract {

	private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

	private static final Instant AT = Instant.parse("2026-03-14T10:00:00Z");

	@Autowired
	Votes votes;

	@Autowired
	SearchLog searchLog;

	@Autowired
	ViewCounter views;

	@Autowired
	ClientHashes hashes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private final String category = "c" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void sameReaderVotingTwiceOnOneDayCountsOnceWithTheLaterAnswer() {
		String reader = hashes.reader("reader-1", "192.0.2.1", DAY);

		assertThat(votes.record(vote("q", reader, DAY, true, null))).isTrue();
		assertThat(votes.record(vote("q", reader, DAY, false, "Missing the steps"))).isFalse();

		assertThat(votes.tally(category, "q")).isEqualTo(new Votes.Tally(0, 1));
		assertThat(jdbc.sql("SELECT comment_text FROM vote WHERE category = :c")
			.param("c", category)
			.query(String.class)
			.single()).isEqualTo("Missing the steps");
	}

	@Test
	void aLaterVoteWithoutCommentKeepsTheComment() {
		String reader = hashes.reader("reader-1", "192.0.2.1", DAY);
		votes.record(vote("q", reader, DAY, false, "Too short"));
		votes.record(vote("q", reader, DAY, false, null));

		assertThat(jdbc.sql("SELECT comment_text FROM vote WHERE category = :c")
			.param("c", category)
			.query(String.class)
			.single()).isEqualTo("Too short");
	}

	@Test
	void theSameReaderCountsAgainTheNextDayAndOtherReadersCountToo() {
		votes.record(vote("q", hashes.reader("reader-1", "192.0.2.1", DAY), DAY, true, null));
		votes.record(vote("q", hashes.reader("reader-1", "192.0.2.1", DAY.plusDays(1)), DAY.plusDays(1), true, null));
		votes.record(vote("q", hashes.reader("reader-2", "192.0.2.1", DAY), DAY, false, null));

		assertThat(votes.tally(category, "q")).isEqualTo(new Votes.Tally(2, 1));
	}

	@Test
	void aThousandReadersVotingTwiceFromFiftyThreadsAreEachCountedOnce() throws Exception {
		int readers = 1000;
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		try {
			for (int i = 0; i < readers * 2; i++) {
				String reader = Sha256.hex("reader-" + (i % readers));
				boolean helpful = i % 3 == 0;
				results.add(pool.submit(() -> {
					start.await();
					return votes.record(vote("q", reader, DAY, helpful, null));
				}));
			}
			start.countDown();
			long firstVotes = 0;
			for (Future<Boolean> result : results) {
				firstVotes += result.get() ? 1 : 0;
			}
			assertThat(firstVotes).isEqualTo(readers);
		}
		finally {
			pool.shutdownNow();
		}
		Votes.Tally tally = votes.tally(category, "q");
		assertThat(tally.yes() + tally.no()).isEqualTo(readers);
	}

	@Test
	void hashesDependOnReaderAddressAndDayButStoreNoAddress() {
		String hash = hashes.reader("reader-1", "192.0.2.1", DAY);

		assertThat(hash).hasSize(64).doesNotContain("192.0.2.1").isEqualTo(hashes.reader("reader-1", "192.0.2.1", DAY));
		assertThat(hashes.reader("reader-1", "192.0.2.2", DAY)).isNotEqualTo(hash);
		assertThat(hashes.reader("reader-2", "192.0.2.1", DAY)).isNotEqualTo(hash);
		assertThat(hashes.reader("reader-1", "192.0.2.1", DAY.plusDays(1))).isNotEqualTo(hash);
	}

	@Test
	void anotherInstanceOnTheSameDatabaseHashesTheSameReaderTheSameWay() {
		ClientHashes other = new ClientHashes(jdbc);
		LocalDate day = DAY.plusDays(30);

		assertThat(other.reader("reader-1", "192.0.2.1", day)).isEqualTo(hashes.reader("reader-1", "192.0.2.1", day));
	}

	@Test
	void searchesAreLoggedWithTheirResultCountAndOpenedResultsOnce() {
		long id = searchLog.record(SearchLog.normalize("  Reset   PASSWORD "), 3, AT);
		searchLog.opened(id, category, "reset-password", AT);
		searchLog.opened(id, category, "reset-password", AT);
		searchLog.opened(Long.MAX_VALUE, category, "reset-password", AT);

		assertThat(jdbc.sql("SELECT query_text FROM search_log WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("reset password");
		assertThat(jdbc.sql("SELECT result_count FROM search_log WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM search_click WHERE category = :c")
			.param("c", category)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void twoInstancesTakingSearchIdsAtOnceFromManyThreadsNeverHandOutTheSameId() throws Exception {
		int threadsPerInstance = 4;
		int idsPerThread = 20_000;
		// Each instance goes through more than this many blocks (79 or 80), taken while
		// the other takes its own.
		int blocks = threadsPerInstance * idsPerThread / SearchLog.BLOCK;
		// The second instance's own connection pool, as another process sharing the
		// database would have.
		try (HikariDataSource otherPool = DataSourceBuilder.derivedFrom(dataSource)
			.type(HikariDataSource.class)
			.build()) {
			List<SearchLog> instances = List.of(searchLog, new SearchLog(JdbcClient.create(otherPool), otherPool));
			ExecutorService pool = Executors.newFixedThreadPool(instances.size() * threadsPerInstance);
			CountDownLatch start = new CountDownLatch(1);
			List<List<Future<long[]>>> taken = new ArrayList<>();
			try {
				for (SearchLog instance : instances) {
					List<Future<long[]>> threads = new ArrayList<>();
					for (int t = 0; t < threadsPerInstance; t++) {
						threads.add(pool.submit(() -> {
							start.await();
							long[] ids = new long[idsPerThread];
							for (int i = 0; i < ids.length; i++) {
								ids[i] = instance.nextId();
							}
							return ids;
						}));
					}
					taken.add(threads);
				}
				start.countDown();

				Set<Long> all = new HashSet<>();
				List<Set<Long>> blocksOf = new ArrayList<>();
				int handedOut = 0;
				for (List<Future<long[]>> threads : taken) {
					Set<Long> blocksTaken = new HashSet<>();
					for (Future<long[]> thread : threads) {
						for (long id : thread.get()) {
							all.add(id);
							blocksTaken.add(id / SearchLog.BLOCK);
							handedOut++;
						}
					}
					blocksOf.add(blocksTaken);
				}
				assertThat(all).as("distinct ids of %d handed out", handedOut).hasSize(handedOut);
				assertThat(blocksOf.get(0)).hasSizeGreaterThan(blocks).doesNotContainAnyElementsOf(blocksOf.get(1));
				assertThat(blocksOf.get(1)).hasSizeGreaterThan(blocks);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aMaximalQueryIsStoredWholeAndALongerOneCutBeforeACharacterItWouldBreak() {
		// Also says that the column takes the longest query a search may have.
		int max = QueryBudget.DEFAULT.maxChars();
		String longest = "a".repeat(max - 2) + "\uD83D\uDE00";
		String masked = "x@y.z " + "a".repeat(max - 9) + "\uD83D\uDE00"; // one character
																			// more than
																			// max once
																			// masked

		long whole = searchLog.record(SearchLog.normalize(longest), 0, AT);
		long cut = searchLog.record(SearchLog.normalize(masked), 0, AT);

		assertThat(jdbc.sql("SELECT query_text FROM search_log WHERE id = :id")
			.param("id", whole)
			.query(String.class)
			.single()).isEqualTo(longest);
		assertThat(jdbc.sql("SELECT query_text FROM search_log WHERE id = :id")
			.param("id", cut)
			.query(String.class)
			.single()).isEqualTo("[email] " + "a".repeat(max - 9));
	}

	@Test
	void viewsAreAddedToTheDatabaseOnFlushAndAddUp() {
		views.viewed(category, "q");
		views.viewed(category, "q");
		views.flush();
		views.viewed(category, "q");
		views.flush();

		assertThat(jdbc.sql("SELECT SUM(views) FROM question_views WHERE category = :c")
			.param("c", category)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	private Votes.Vote vote(String question, String reader, LocalDate day, boolean helpful, String comment) {
		return new Votes.Vote(category, question, day, reader, helpful, comment, AT);
	}

}
