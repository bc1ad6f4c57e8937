package dev.faqkb.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.ServiceUnavailableException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers larger than {@code faqkb.pages.large-answer} (their HTML, in characters) cost
 * no request a copy of them: {@code ?hl=} does not mark them ({@link FaqController}
 * serves the page made for everyone), and the pages that hold one, which are made once
 * per content, are made one at a time, since making one holds several times its answer
 * for a moment. Readers of the same page wait for it in {@link PageCache}; readers of
 * another large page wait here, holding nothing, for at most {@link #WAIT}, then get a
 * 503 with {@code Retry-After}. Thread-safe.
 */
@Component
class LargeAnswers {

	/**
	 * How long a reader waits for the large pages being made before it; making one takes
	 * a second or two.
	 */
	static final Duration WAIT = Duration.ofSeconds(20);

	private final long largerThan;

	private final Duration wait;

	private final Semaphore making = new Semaphore(1, true);

	@Autowired
	LargeAnswers(FaqkbProperties properties) {
		this(properties.pages().largeAnswer().toBytes(), WAIT);
	}

	LargeAnswers(long largerThan, Duration wait) {
		this.largerThan = largerThan;
		this.wait = wait;
	}

	boolean large(Question question) {
		return question.answerHtml().length() > largerThan;
	}

	boolean anyLarge(Category category) {
		return category.questions().stream().anyMatch(this::large);
	}

	/**
	 * What {@code make} makes: at once when {@code large} is false, else once no other
	 * large page is being made.
	 * @throws ServiceUnavailableException when the large pages made before it take longer
	 * than {@link #WAIT}
	 */
	<T> T make(boolean large, Supplier<T> make) {
		if (!large) {
			return make.get();
		}
		try {
			if (!making.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new ServiceUnavailableException(
						"This page is long and others like it are being made first; please try again in a moment.",
						Duration.ofSeconds(5), null);
			}
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
			throw new ServiceUnavailableException("The site is stopping; please try again in a moment.",
					Duration.ofSeconds(5), stopping);
		}
		try {
			return make.get();
		}
		finally {
			making.release();
		}
	}

}
