package dev.faqkb.system;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * A request body larger than its address takes ({@link BodyLimits}): a 413 that says so.
 * Nothing of the body was read, so nothing of it can be shown back.
 */
public class ContentTooLargeException extends RefusedException {

	private final long maxBytes;

	public ContentTooLargeException(long maxBytes) {
		super("What was sent is too large: this address takes at most " + kilobytes(maxBytes)
				+ ", so none of it was read. Please send less.", null);
		this.maxBytes = maxBytes;
	}

	/** The most this address takes, in bytes. */
	public long maxBytes() {
		return maxBytes;
	}

	@Override
	public Problem problem() {
		return Problem.of(HttpStatus.CONTENT_TOO_LARGE, getMessage());
	}

	private static String kilobytes(long bytes) {
		return bytes % 1024 == 0 ? bytes / 1024 + " KB" : String.format(Locale.ROOT, "%,d bytes", bytes);
	}

}
