package dev.faqkb.system;

import java.time.Duration;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * An error as the reader meets it. As JSON it is {@code {"error": message}}; as a page,
 * {@code title} is the page title and {@code heading} its first heading, above the
 * message. {@link ErrorReplies} answers it either way.
 *
 * @param message what went wrong and what to do, in words for the reader; shown escaped
 * @param retryAfter when to try again, sent as {@code Retry-After}; {@code null} when
 * trying again will not help
 */
public record Problem(HttpStatus status, String title, String heading, String message, Duration retryAfter) {

	public Problem(HttpStatus status, String title, String heading, String message) {
		this(status, title, heading, message, null);
	}

	/**
	 * A form or script of another site tried to post here
	 * ({@link CrossOriginProtection}).
	 */
	public static final String CROSS_SITE = "This form was sent from another site, so it was not accepted. "
			+ "Please open the page on this site and send it from there.";

	/** The title and heading that go with {@code status}, and {@code message}. */
	public static Problem of(HttpStatus status, String message) {
		return switch (status) {
			case BAD_REQUEST -> new Problem(status, "Bad request", "We could not handle that request", message);
			case UNAUTHORIZED -> new Problem(status, "Sign-in required", "This page needs a sign-in", message);
			case FORBIDDEN -> new Problem(status, "Forbidden", "You may not do that", message);
			case NOT_FOUND -> new Problem(status, "Not found", "We could not find that page", message);
			case METHOD_NOT_ALLOWED ->
				new Problem(status, "Method not allowed", "We could not handle that request", message);
			case CONTENT_TOO_LARGE -> new Problem(status, "Content too large", "What was sent is too large", message);
			case TOO_MANY_REQUESTS -> new Problem(status, "Too many requests", "Too many requests", message);
			case INTERNAL_SERVER_ERROR ->
				new Problem(status, "Server error", "Something went wrong on our side", message);
			default -> {
				String phrase = status.getReasonPhrase();
				String title = phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
				yield new Problem(status, title, title, message);
			}
		};
	}

	/**
	 * For errors that come with no message of their own, such as those the servlet
	 * container reports.
	 */
	public static Problem of(HttpStatus status) {
		return of(status, switch (status) {
			case UNAUTHORIZED -> "Please sign in to see this page.";
			case FORBIDDEN -> "You may not open this page.";
			case NOT_FOUND -> "There is no page at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take that kind of request.";
			case INTERNAL_SERVER_ERROR -> "The page could not be shown. Please try again in a moment.";
			default -> status.getReasonPhrase() + ".";
		});
	}

	/**
	 * Whether the message is the one {@link #of(HttpStatus)} gives its status: a page in
	 * another language may then say it in its own words.
	 */
	public boolean usualMessage() {
		return message.equals(of(status).message());
	}

	/** This problem, telling the client to try again after {@code wait}. */
	public Problem withRetryAfter(Duration wait) {
		return new Problem(status, title, heading, message, wait);
	}

	/**
	 * A 403 for a post from another site, which says so instead of a bare "Forbidden".
	 */
	public static Problem crossSite() {
		return new Problem(HttpStatus.FORBIDDEN, "Forbidden", "Sent from another site", CROSS_SITE);
	}

	/**
	 * Whole seconds for {@code Retry-After} and messages, rounded up: a client that waits
	 * as told is not refused again for being early.
	 */
	public static long seconds(java.time.Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
