package dev.faqkb.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers never see a reload: no error, no missing page, never half of a change.
 */
@FaqkbWebTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext // frees the server and its threads now, not at the end of the run
class ConcurrentReloadTest {

	private static final int READERS = 200;

	private static final int RELOADS = 20;

	// The version is both in the category title and in the answer: a page mixing two
	// versions would show two numbers.
	private static final Pattern VERSIONS = Pattern.compile("Version (\\d+)");

	@TestContent.Setup
	static void content(TestContent content) {
		save(content, 0);
	}

	static void save(TestContent content, int version) {
		content.file("general.md", """
				---
				title: General, Version %1$d
				---

				## How do I install it? {#install}

				Run the installer of Version %1$d.

				## Which ports? {#ports}

				80 and 443.
				""".formatted(version));
	}

	@LocalServerPort
	int port;

	@Autowired
	SnapshotStore store;

	@Autowired
	TestContent content;

	@Test
	void readersDuringReloadsSeeOnlyWholePages() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<URI> pages = List.of(URI.create("http://localhost:" + port + "/faq/general"),
				URI.create("http://localhost:" + port + "/faq/general/install"));
		AtomicBoolean reloading = new AtomicBoolean(true);
		CountDownLatch ready = new CountDownLatch(READERS);
		AtomicInteger requests = new AtomicInteger();
		Queue<String> problems = new ConcurrentLinkedQueue<>();
		Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < READERS; i++) {
			URI page = pages.get(i % pages.size());
			Thread reader = new Thread(() -> {
				ready.countDown();
				// Every reader reads at least once, and keeps reading while the reloads
				// go on.
				do {
					try {
						HttpResponse<String> response = client.send(
								HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
								HttpResponse.BodyHandlers.ofString());
						requests.incrementAndGet();
						Matcher versions = VERSIONS.matcher(response.body());
						List<String> seen = versions.results().map(match -> match.group(1)).distinct().toList();
						versionsSeen.addAll(seen);
						if (response.statusCode() != 200 || seen.size() != 1) {
							problems.add(page + ": status " + response.statusCode() + ", versions " + seen);
						}
					}
					catch (IOException | InterruptedException ex) {
						problems.add(page + ": " + ex);
						return;
					}
				}
				while (reloading.get() && System.nanoTime() < deadline);
			}, "reader-" + i);
			readers.add(reader);
			reader.start();
		}
		ready.await();
		for (int version = 1; version <= RELOADS; version++) {
			save(content, version);
			store.reload();
			// Let some reads finish on this version before the next reload, so that reads
			// and reloads really
			// overlap however the scheduler runs the readers (bounded: at most 5 s per
			// reload).
			int before = requests.get();
			long wait = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (requests.get() < before + READERS / 10 && System.nanoTime() < wait) {
				Thread.sleep(5);
			}
		}
		reloading.set(false);
		for (Thread reader : readers) {
			reader.join(Duration.ofSeconds(60).toMillis());
			assertThat(reader.isAlive()).as("%s still running", reader.getName()).isFalse();
		}
		assertThat(problems).isEmpty();
		assertThat(requests.get()).isGreaterThanOrEqualTo(READERS);
		// The reads overlapped the reloads rather than all happening before or after
		// them.
		assertThat(versionsSeen).hasSizeGreaterThan(2);
		assertThat(store.current().catalog().category("general").orElseThrow().title())
			.isEqualTo("General, Version " + RELOADS);
	}

}
