package dev.faqkb.content;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The content folder has errors; all of them, found in one pass, sorted by file and line.
 */
public class ContentException extends RuntimeException {

	private final List<ContentError> errors;

	public ContentException(List<ContentError> errors) {
		super(errors.size() + " content error(s):\n"
				+ errors.stream().sorted().map(ContentError::toString).collect(Collectors.joining("\n")));
		this.errors = errors.stream().sorted().toList();
	}

	public List<ContentError> errors() {
		return errors;
	}

}
