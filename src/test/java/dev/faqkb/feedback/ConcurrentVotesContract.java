package dev.faqkb.feedback;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 readers vote at once over real HTTP, on H2 ({@link H2ConcurrentVotesTests}) and
 * PostgreSQL ({@link PostgresConcurrentVotesTests}). Every reader sends two votes, so
 * half the requests race with another vote of the same reader on the same answer: exactly
 * one of each pair may count.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "faqkb.feedback.rate-limit=100000")
abstract class ConcurrentVotesContract {

	private static final Logger log = LoggerFactory.getLogger(ConcurrentVotesContract.class);

	private static final int READERS = 1000;

	private static final int THREADS = 50;

	@LocalServerPort
	int port;

	@Autowired
	Votes votes;

	@Test
	void aThousandReadersVotingAtOnceFromFiftyThreadsAreEachCountedExactlyOnce() throws Exception {
		ReaderHttp http = new ReaderHttp(port, "/faq/help/reset-password");
		List<String> readers = new ArrayList<>();
		for (int i = 0; i < READERS; i++) {
			readers.add(UUID.randomUUID().toString());
		}
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> responses = new ArrayList<>();
		long started;
		try {
			for (int round = 0; round < 2; round++) {
				for (int i = 0; i < READERS; i++) {
					String reader = readers.get(i);
					String helpful = (i + round) % 2 == 0 ? "yes" : "no";
					responses.add(pool.submit(() -> {
						start.await();
						return http.vote("/faq/help/reset-password", reader, helpful, null);
					}));
				}
			}
			started = System.nanoTime();
			start.countDown();
			int counted = 0;
			for (Future<HttpResponse<String>> response : responses) {
				HttpResponse<String> answer = response.get();
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
				counted += answer.body().contains("\"counted\":true") ? 1 : 0;
			}
			log.info("{} votes of {} readers from {} threads in {} ms", responses.size(), READERS, THREADS,
					(System.nanoTime() - started) / 1_000_000);
			assertThat(counted).isEqualTo(READERS);
		}
		finally {
			pool.shutdownNow();
		}
		Votes.Tally tally = votes.tally("help", "reset-password");
		assertThat(tally.yes() + tally.no()).isEqualTo(READERS);
	}

}
