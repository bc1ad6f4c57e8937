package dev.faqkb.search;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;

/**
 * Lucene's formatter with {@code escape=true} (the answer text is HTML-escaped first,
 * then the matches are wrapped in {@code <mark>}), plus an ellipsis where the snippet
 * cuts the answer.
 */
final class SnippetFormatter extends DefaultPassageFormatter {

	SnippetFormatter() {
		super("<mark>", "</mark>", " … ", true);
	}

	@Override
	public String format(Passage[] passages, String content) {
		String snippet = super.format(passages, content).strip();
		if (passages.length == 0 || snippet.isEmpty()) {
			return snippet;
		}
		boolean cutStart = passages[0].getStartOffset() > 0;
		boolean cutEnd = passages[passages.length - 1].getEndOffset() < content.strip().length();
		return (cutStart ? "… " : "") + snippet + (cutEnd ? " …" : "");
	}

}
