package dev.faqkb.system;

import java.time.Duration;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * Something the site depends on, such as the database, cannot be used right now: a 503
 * with {@code Retry-After} and a message that says what still works.
 */
public class ServiceUnavailableException extends RefusedException {

	static final String DATABASE_UNAVAILABLE = "This cannot be done right now: our database is unavailable. "
			+ "Answers and search still work; please try again in a few minutes.";

	private final Duration retryAfter;

	public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	private ServiceUnavailableException(MessageSourceResolvable words, Duration retryAfter, Throwable cause) {
		super(words, cause);
		this.retryAfter = retryAfter;
	}

	/**
	 * The database cannot be used ({@link Storage}): the one 503 the site answers with,
	 * whether {@link ErrorAdvice} makes it of a failure that no feature caught or a
	 * feature shows it on its own form.
	 */
	public static ServiceUnavailableException databaseUnavailable(Throwable cause) {
		// met by readers (a vote, "Ask us"), so in their language
		return new ServiceUnavailableException(Problem.words("error.database-unavailable", DATABASE_UNAVAILABLE),
				Duration.ofMinutes(1), cause);
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public Problem problem() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE).withRetryAfter(retryAfter);
	}

}
