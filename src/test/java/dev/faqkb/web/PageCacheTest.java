package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.zip.Deflater;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.Vectors;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.FaqkbProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The page cache follows what a snapshot's pages are made from. */
class PageCacheTest {

	@TempDir
	Path content;

	@Test
	void pagesMadeBeforeTheVectorsWereReadyAreMadeAgainOnceSearchRanksByMeaning() {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		Snapshot snapshot = new Snapshot(catalog, new SearchIndex(catalog), Instant.now());
		FaqkbProperties properties = mock(FaqkbProperties.class);
		when(properties.pages())
			.thenReturn(new FaqkbProperties.Pages(DataSize.ofMegabytes(1), DataSize.ofKilobytes(100)));
		PageCache pages = new PageCache(properties);
		CachedPage byWords = page("related questions by words");
		pages.get(snapshot, "/faq/help/export", () -> byWords);
		assertThat(pages.find(snapshot, "/faq/help/export")).isSameAs(byWords);

		int questions = catalog.questions().size();
		float[][] vectors = new float[questions][questions];
		for (int i = 0; i < questions; i++) {
			vectors[i][i] = 1f;
		}
		snapshot.index().useVectors(Vectors.of(vectors), query -> vectors[0]);

		assertThat(pages.find(snapshot, "/faq/help/export")).as("a page of the lexical snapshot").isNull();
		CachedPage byMeaning = page("related questions by meaning");
		assertThat(pages.get(snapshot, "/faq/help/export", () -> byMeaning)).isSameAs(byMeaning);
		assertThat(pages.find(snapshot, "/faq/help/export")).isSameAs(byMeaning);
	}

	@Test
	void aSearchAskedOnceIsSentQuicklyCompressedAndKeptOnlyFromItsSecondAsking() throws Exception {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		Snapshot snapshot = new Snapshot(catalog, new SearchIndex(catalog), Instant.now());
		FaqkbProperties properties = mock(FaqkbProperties.class);
		when(properties.pages())
			.thenReturn(new FaqkbProperties.Pages(DataSize.ofMegabytes(1), DataSize.ofKilobytes(100)));
		PageCache pages = new PageCache(properties);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/search");
		request.setQueryString("q=export");
		List<Integer> levels = new ArrayList<>();
		String body = "{\"results\":[\"export\"]}".repeat(20);
		IntFunction<CachedPage> make = level -> {
			levels.add(level);
			return CachedPage.of(body.getBytes(StandardCharsets.UTF_8), "application/json", CachedPage.REVALIDATE,
					level);
		};

		CachedPage once = pages.search(snapshot, request, make);
		assertThat(pages.find(snapshot, "/api/search?q=export")).as("not kept after one asking").isNull();
		CachedPage twice = pages.search(snapshot, request, make);
		assertThat(pages.find(snapshot, "/api/search?q=export")).as("kept from the second").isSameAs(twice);
		assertThat(pages.search(snapshot, request, make)).isSameAs(twice);

		assertThat(levels).containsExactly(Deflater.BEST_SPEED, Deflater.BEST_COMPRESSION);
		// the same answer either way, each gzip under its own tag
		assertThat(CachedPageTest.gunzip(once.gzip())).isEqualTo(CachedPageTest.gunzip(twice.gzip()))
			.isEqualTo(body.getBytes(StandardCharsets.UTF_8));
		assertThat(once.etag()).isEqualTo(twice.etag());
		assertThat(once.gzipEtag()).isNotEqualTo(twice.gzipEtag());
	}

	@Test
	void readersAskingForAPageWhileItIsMadeWaitForItAndItIsMadeOnce() throws Exception {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		Snapshot snapshot = new Snapshot(catalog, new SearchIndex(catalog), Instant.now());
		FaqkbProperties properties = mock(FaqkbProperties.class);
		when(properties.pages())
			.thenReturn(new FaqkbProperties.Pages(DataSize.ofMegabytes(1), DataSize.ofKilobytes(100)));
		PageCache pages = new PageCache(properties);
		CountDownLatch making = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		AtomicInteger made = new AtomicInteger();
		CachedPage page = page("a page as large as its content");
		Supplier<CachedPage> make = () -> {
			made.incrementAndGet();
			making.countDown();
			await(done);
			return page;
		};
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			Future<CachedPage> first = readers.submit(() -> pages.get(snapshot, "/faq/help/export", make));
			making.await();
			List<Future<CachedPage>> others = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				others.add(readers.submit(() -> pages.get(snapshot, "/faq/help/export", make)));
			}
			// the others are waiting for the first's page, not making their own
			Thread.sleep(200);
			done.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(page);
			for (Future<CachedPage> other : others) {
				assertThat(other.get(10, TimeUnit.SECONDS)).isSameAs(page);
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(made).hasValue(1);
	}

	@Test
	void whatStopsAPageBeingMadeStopsThoseWaitingForItAndTheNextRequestMakesItAgain() throws Exception {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		Snapshot snapshot = new Snapshot(catalog, new SearchIndex(catalog), Instant.now());
		FaqkbProperties properties = mock(FaqkbProperties.class);
		when(properties.pages())
			.thenReturn(new FaqkbProperties.Pages(DataSize.ofMegabytes(1), DataSize.ofKilobytes(100)));
		PageCache pages = new PageCache(properties);
		CountDownLatch making = new CountDownLatch(1);
		CountDownLatch fail = new CountDownLatch(1);
		ExecutorService readers = Executors.newFixedThreadPool(2);
		try {
			Future<CachedPage> first = readers.submit(() -> pages.get(snapshot, "/faq/help/export", () -> {
				making.countDown();
				await(fail);
				throw new IllegalStateException("the template is broken");
			}));
			making.await();
			Future<CachedPage> waiting = readers
				.submit(() -> pages.get(snapshot, "/faq/help/export", () -> page("made by the one waiting")));
			Thread.sleep(200);
			fail.countDown();
			assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the template is broken");
			// failed with the first when it waited for it, else made by itself: never
			// stuck
			try {
				assertThat(waiting.get(10, TimeUnit.SECONDS).length()).isPositive();
			}
			catch (ExecutionException failedWithTheFirst) {
				assertThat(failedWithTheFirst).hasRootCauseMessage("the template is broken");
			}
		}
		finally {
			readers.shutdownNow();
		}
		CachedPage again = page("made again");
		assertThat(pages.get(snapshot, "/faq/help/export", () -> again)).isSameAs(again);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CachedPage page(String text) {
		return CachedPage.of(text.getBytes(StandardCharsets.UTF_8), "text/plain", CachedPage.REVALIDATE);
	}

}
