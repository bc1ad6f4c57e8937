package dev.faqkb.system;

import java.time.Duration;

/**
 * A client sent more than it may in a short time: a 429 with {@code Retry-After}, and a message that says when
 * to try again.
 */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
