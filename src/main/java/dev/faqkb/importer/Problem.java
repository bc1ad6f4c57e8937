package dev.faqkb.importer;

/**
 * Something of a source that the importer could not convert, or that stops the import,
 * located as the author finds it: {@code source:line: message}.
 *
 * @param source the source as given on the command line (a path or an address)
 * @param line 1-based line in the source, or 0 when it concerns the whole source
 */
record Problem(String source, int line, String message) {

	@Override
	public String toString() {
		return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
	}

}
