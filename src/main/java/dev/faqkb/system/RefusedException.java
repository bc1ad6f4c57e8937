package dev.faqkb.system;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason its sender can act on: thrown by a handler or a filter,
 * answered by {@link ErrorReplies} with {@link #problem()} (its status, message and
 * {@code Retry-After}), as JSON or a page. {@link ErrorAdvice} answers those a handler
 * throws; a feature that shows a refusal on its own page (a form given back) takes the
 * same {@link Problem}.
 */
public abstract class RefusedException extends RuntimeException {

	private final transient MessageSourceResolvable words;

	/**
	 * @param message in English only, for a developer (an API parameter's mistake)
	 */
	protected RefusedException(String message, Throwable cause) {
		super(message, cause);
		this.words = null;
	}

	/**
	 * @param words for a reader, in their language ({@link Problem#words}); the
	 * exception's message is their English
	 */
	protected RefusedException(MessageSourceResolvable words, Throwable cause) {
		super(Problem.english(words), cause);
		this.words = words;
	}

	/** The problem of {@code status} with this refusal's message, or words. */
	protected Problem problem(HttpStatus status) {
		return words == null ? Problem.of(status, getMessage()) : Problem.of(status, words);
	}

	/**
	 * The reply: status, message in words for the sender, and when to try again if that
	 * helps.
	 */
	public abstract Problem problem();

}
