package dev.faqkb.site;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches take turns, as many at once as there are cores, and a reload takes one of
 * those turns while it loads, so that under load it gets a core of its own.
 */
class SearchTurnsTest {

	@Test
	void whileAReloadLoadsOneSearchFewerRunsAtOnce() throws Exception {
		SearchTurns turns = new SearchTurns(2);
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch loaded = new CountDownLatch(1);
		CompletableFuture<String> reload = CompletableFuture.supplyAsync(() -> turns.whileReloading(() -> {
			loading.countDown();
			await(loaded);
			return "snapshot";
		}));
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

		CountDownLatch searching = new CountDownLatch(1);
		CountDownLatch searched = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> turns.take(() -> {
			searching.countDown();
			await(searched);
			return "first";
		}));
		assertThat(searching.await(10, TimeUnit.SECONDS)).as("one search runs beside the reload").isTrue();
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> turns.take(() -> "second"));
		Thread.sleep(200);
		assertThat(second).as("a second search while the reload and a search run").isNotDone();

		loaded.countDown();
		assertThat(reload.get(10, TimeUnit.SECONDS)).isEqualTo("snapshot");
		assertThat(second.get(10, TimeUnit.SECONDS)).as("its turn once the reload is done").isEqualTo("second");
		searched.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
	}

	@Test
	void onASingleCoreAReloadLeavesTheSearchesTheirTurn() throws Exception {
		SearchTurns turns = new SearchTurns(1);
		String searchedDuringReload = turns.whileReloading(() -> turns.take(() -> "searched"));
		assertThat(searchedDuringReload).isEqualTo("searched");
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
