package dev.faqkb.content;

import java.nio.file.Path;

/**
 * One mistake in the content, located by file and 1-based line (0 when it concerns the
 * whole file).
 */
public record ContentError(Path file, int line, String message) implements Comparable<ContentError> {

	@Override
	public int compareTo(ContentError other) {
		int byFile = file.toString().compareTo(other.file.toString());
		return byFile != 0 ? byFile : Integer.compare(line, other.line);
	}

	@Override
	public String toString() {
		return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
	}

}
