package dev.faqkb.system;

/**
 * A request refused for a reason its sender can act on: thrown by a handler or a filter,
 * answered by {@link ErrorReplies} with {@link #problem()} (its status, message and
 * {@code Retry-After}), as JSON or a page. {@link ErrorAdvice} answers those a handler
 * throws; a feature that shows a refusal on its own page (a form given back) takes the
 * same {@link Problem}.
 */
public abstract class RefusedException extends RuntimeException {

	protected RefusedException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * The reply: status, message in words for the sender, and when to try again if that
	 * helps.
	 */
	public abstract Problem problem();

}
