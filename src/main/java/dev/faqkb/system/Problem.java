package dev.faqkb.system;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * An error as the reader meets it. As JSON it is {@code {"error": message}}; as a page,
 * {@code title} is the page title and {@code heading} its first heading, above the
 * message. {@link ErrorReplies} answers it either way.
 *
 * @param message what went wrong and what to do, in words for the reader; shown escaped
 * @param retryAfter when to try again, sent as {@code Retry-After}; {@code null} when
 * trying again will not help
 * @param words the message as a key of the message bundles with its arguments, so that
 * {@link #in} says it in the reader's language; {@code message} is its English.
 * {@code null} for a message in English only (what a developer reads: an API parameter's
 * mistake). A problem whose heading is its own (not its status's) has it under the same
 * key followed by {@code .heading}.
 */
public record Problem(HttpStatus status, String title, String heading, String message, Duration retryAfter,
		MessageSourceResolvable words) {

	public Problem(HttpStatus status, String title, String heading, String message) {
		this(status, title, heading, message, null, null);
	}

	/**
	 * A form or script of another site tried to post here
	 * ({@link CrossOriginProtection}).
	 */
	public static final String CROSS_SITE = "This form was sent from another site, so it was not accepted. "
			+ "Please open the page on this site and send it from there.";

	private static final String CROSS_SITE_KEY = "error.cross-site";

	/**
	 * Words for a reader, from the message bundles.
	 * @param key the key in the bundles ({@code messages.properties} has the same
	 * English)
	 * @param english the message as a {@link MessageFormat} pattern in English, used
	 * where no bundle has the key
	 * @param arguments the pattern's arguments; numbers are written as the reader's
	 * language writes them
	 */
	public static MessageSourceResolvable words(String key, String english, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { key }, arguments, english);
	}

	/** The English of {@code words}, as {@link #message} holds it. */
	public static String english(MessageSourceResolvable words) {
		Object[] arguments = words.getArguments();
		return new MessageFormat(words.getDefaultMessage(), Locale.ENGLISH)
			.format(arguments == null ? new Object[0] : arguments);
	}

	/** The title and heading that go with {@code status}, and {@code words}. */
	public static Problem of(HttpStatus status, MessageSourceResolvable words) {
		return of(status, english(words)).withWords(words);
	}

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
	private boolean usualMessage() {
		return message.equals(of(status).message());
	}

	/** This problem, telling the client to try again after {@code wait}. */
	public Problem withRetryAfter(Duration wait) {
		return new Problem(status, title, heading, message, wait, words);
	}

	private Problem withWords(MessageSourceResolvable words) {
		return new Problem(status, title, heading, message, retryAfter, words);
	}

	/**
	 * A 403 for a post from another site, which says so instead of a bare "Forbidden".
	 */
	public static Problem crossSite() {
		return new Problem(HttpStatus.FORBIDDEN, "Forbidden", "Sent from another site", CROSS_SITE, null,
				words(CROSS_SITE_KEY, CROSS_SITE));
	}

	/**
	 * The message in {@code locale}: its {@link #words} from {@code messages}, else the
	 * message as it is. What a JSON reply says.
	 */
	public String messageIn(Locale locale, MessageSource messages) {
		return words == null ? message : messages.getMessage(words, locale);
	}

	/**
	 * This problem as a page in {@code locale} shows it: the message as
	 * {@link #messageIn} says it; outside English, the status's own title and heading
	 * from the bundles ({@code error.title.404}, {@code error.heading.404}), and its
	 * usual message ({@code error.message.404}) for a message in English only that is the
	 * status's usual one, or says that nothing is at the address (a 404). In English the
	 * problem's own words, as they are.
	 */
	public Problem in(Locale locale, MessageSource messages) {
		boolean english = "en".equals(locale.getLanguage());
		int code = status.value();
		String ownHeading = heading;
		if (words != null && !heading.equals(of(status, message).heading())) {
			ownHeading = bundled(messages, words.getCodes()[0] + ".heading", heading, locale);
		}
		else if (!english) {
			ownHeading = bundled(messages, "error.heading." + code, heading, locale);
		}
		String said = messageIn(locale, messages);
		if (words == null && !english && (usualMessage() || status == HttpStatus.NOT_FOUND)) {
			said = bundled(messages, "error.message." + code, message, locale);
		}
		String ownTitle = english ? title : bundled(messages, "error.title." + code, title, locale);
		return new Problem(status, ownTitle, ownHeading, said, retryAfter, words);
	}

	/**
	 * The bundles' message for {@code key}, else {@code otherwise} as it is (not read as
	 * a pattern, as a default message would be).
	 */
	private static String bundled(MessageSource messages, String key, String otherwise, Locale locale) {
		String found = messages.getMessage(key, null, null, locale);
		return found != null ? found : otherwise;
	}

	/**
	 * Whole seconds for {@code Retry-After} and messages, rounded up: a client that waits
	 * as told is not refused again for being early.
	 */
	public static long seconds(java.time.Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
