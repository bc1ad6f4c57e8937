package dev.faqkb.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.system.ServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which answers are large, and the pages that hold one made one at a time. */
class LargeAnswersTest {

	@TempDir
	Path content;

	@Test
	void anAnswerIsLargeWhenItsHtmlIsLongerThanTheSettingAndSoIsItsCategory() {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.in(content)
			.helpAndBilling()
			.category("large", "Large", "\n## All of it? {#all}\n\n" + "Word ".repeat(40) + "\n")
			.dir());
		// an answer as long as the setting is not large
		LargeAnswers large = new LargeAnswers(catalog.question("billing", "cards").orElseThrow().answerHtml().length(),
				LargeAnswers.WAIT);

		assertThat(large.large(catalog.question("billing", "cards").orElseThrow())).isFalse();
		assertThat(large.large(catalog.question("large", "all").orElseThrow())).isTrue();
		assertThat(large.anyLarge(catalog.category("large").orElseThrow())).isTrue();
		assertThat(large.anyLarge(catalog.category("billing").orElseThrow())).isFalse();
	}

	@Test
	void largePagesAreMadeOneAtATimeWhileOthersAreMadeAtOnce() throws Exception {
		LargeAnswers large = new LargeAnswers(100, LargeAnswers.WAIT);
		AtomicInteger making = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch small = new CountDownLatch(1);
		ExecutorService readers = Executors.newFixedThreadPool(5);
		try {
			List<Future<String>> pages = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				int page = i;
				pages.add(readers.submit(() -> large.make(true, () -> {
					most.accumulateAndGet(making.incrementAndGet(), Math::max);
					firstStarted.countDown();
					if (page == 0) {
						// the first large page waits until a small one was made meanwhile
						await(small);
					}
					making.decrementAndGet();
					return "large " + page;
				})));
			}
			firstStarted.await();
			assertThat(readers.submit(() -> large.make(false, () -> "small")).get(10, TimeUnit.SECONDS))
				.isEqualTo("small");
			small.countDown();
			for (int i = 0; i < pages.size(); i++) {
				assertThat(pages.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("large " + i);
			}
		}
		finally {
			readers.shutdownNow();
		}
		assertThat(most).hasValue(1);
	}

	@Test
	void aReaderKeptWaitingLongerThanTheWaitGets503WithRetryAfter() throws Exception {
		LargeAnswers large = new LargeAnswers(100, Duration.ofMillis(200));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		ExecutorService readers = Executors.newSingleThreadExecutor();
		try {
			Future<String> first = readers.submit(() -> large.make(true, () -> {
				started.countDown();
				await(done);
				return "first";
			}));
			started.await();

			assertThatThrownBy(() -> large.make(true, () -> "second"))
				.isInstanceOfSatisfying(ServiceUnavailableException.class, refused -> {
					assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));
					assertThat(refused.problem().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				});
			done.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
			assertThat(large.make(true, () -> "third")).as("made once the first is done").isEqualTo("third");
		}
		finally {
			readers.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
