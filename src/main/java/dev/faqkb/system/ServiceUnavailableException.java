package dev.faqkb.system;

import java.time.Duration;

/**
 * Something the site depends on, such as the database, cannot be used right now: a 503 with {@code Retry-After}
 * and a message that says what still works.
 */
public class ServiceUnavailableException extends RuntimeException {

	private final Duration retryAfter;

	public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
