package dev.faqkb.system;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request body larger than its address takes ({@link BodyLimits}): a 413 that says so.
 * Nothing of the body was read, so nothing of it can be shown back.
 */
public class ContentTooLargeException extends RefusedException {

	public ContentTooLargeException(long maxBytes) {
		super(words(maxBytes), null);
	}

	@Override
	public Problem problem() {
		return problem(HttpStatus.CONTENT_TOO_LARGE);
	}

	/** In kilobytes when the limit is a whole number of them, else in bytes. */
	private static MessageSourceResolvable words(long bytes) {
		String read = ", so none of it was read. Please send less.";
		return bytes % 1024 == 0 ? Problem.words("error.too-large.kb",
				"What was sent is too large: this address takes at most {0,number,integer} KB" + read, bytes / 1024)
				: Problem.words("error.too-large.bytes",
						"What was sent is too large: this address takes at most {0,number,integer} bytes" + read,
						bytes);
	}

}
