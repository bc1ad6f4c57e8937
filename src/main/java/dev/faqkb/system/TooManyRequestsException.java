package dev.faqkb.system;

import java.time.Duration;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A client sent more than it may in a short time: a 429 with {@code Retry-After}, and a
 * message that says when to try again.
 */
public class TooManyRequestsException extends RefusedException {

	private final Duration retryAfter;

	public TooManyRequestsException(String message, Duration retryAfter) {
		super(message, null);
		this.retryAfter = retryAfter;
	}

	/** A refusal a reader meets, said in their language ({@link Problem#words}). */
	public TooManyRequestsException(MessageSourceResolvable words, Duration retryAfter) {
		super(words, null);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public Problem problem() {
		return problem(HttpStatus.TOO_MANY_REQUESTS).withRetryAfter(retryAfter);
	}

}
