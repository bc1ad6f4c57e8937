package dev.faqkb.importer;

/** A source that cannot be read at all: nothing is imported. */
final class SourceException extends RuntimeException {

	private final int line;

	SourceException(int line, String message) {
		super(message);
		this.line = line;
	}

	SourceException(int line, String message, Throwable cause) {
		super(message, cause);
		this.line = line;
	}

	int line() {
		return line;
	}

}
