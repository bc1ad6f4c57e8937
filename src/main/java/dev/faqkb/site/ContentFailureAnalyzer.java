package dev.faqkb.site;

import java.util.stream.Collectors;

import dev.faqkb.content.ContentError;
import dev.faqkb.content.ContentException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns content errors at startup into a plain list of {@code path:line: message} instead
 * of a stack trace, which is the first thing an author would otherwise see.
 */
class ContentFailureAnalyzer extends AbstractFailureAnalyzer<ContentException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ContentException cause) {
		String errors = cause.errors().stream().map(ContentError::toString).collect(Collectors.joining("\n"));
		return new FailureAnalysis("The content folder has " + cause.errors().size() + " error(s):\n\n" + errors,
				"Fix the files above and start again. To check content without starting the server, run: "
						+ "java -jar target/faqkb.jar validate <content-dir>",
				cause);
	}

}
