package dev.faqkb.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Wraps the words of a search in {@code <mark>} inside rendered answer HTML. Only text between tags
 * is touched (never a tag, an attribute, a comment or the inside of {@code script}/{@code style}), and
 * only whole words whose stem is a stem of the search: the output is the trusted answer HTML plus
 * {@code <mark>} tags, with nothing of what the visitor typed in it.
 * <p>
 * Within the {@link QueryBudget}: the words of the search's first characters, marked in the answer's first
 * characters (the rest is copied as it is), each distinct word of the answer stemmed once; one pass over the HTML.
 */
final class AnswerMarker {

	private static final Pattern WORD = Pattern.compile("&[#\\p{Alnum}]+;|[\\p{L}\\p{N}_]+");

	private static final Pattern RAW_TEXT_OPEN = Pattern.compile("<(script|style|textarea)\\b",
			Pattern.CASE_INSENSITIVE);

	private final String html;

	private final Set<String> stems;

	private final Analyzers analyzers;

	/** Marks end before this index of the HTML. */
	private final int limit;

	/** Whether each distinct word of the answer is marked: stemming it is the costly part. */
	private final Map<String, Boolean> marked = new HashMap<>();

	private final StringBuilder out;

	/** Set once no {@code -->} follows: each later {@code <!--} is then a tag, without searching again. */
	private boolean noCommentEnd;

	private AnswerMarker(String html, Set<String> stems, Analyzers analyzers, int limit) {
		this.html = html;
		this.stems = stems;
		this.analyzers = analyzers;
		this.limit = limit;
		this.out = new StringBuilder(html.length() + 64);
	}

	static String mark(String html, String terms, Analyzers analyzers, QueryBudget budget) {
		Set<String> stems = analyzers.queryTokens(budget.cut(terms))
			.stream()
			.map(Token::term)
			.distinct()
			.limit(budget.maxWords())
			.collect(Collectors.toSet());
		if (stems.isEmpty()) {
			return html;
		}
		return new AnswerMarker(html, stems, analyzers, Math.min(html.length(), budget.maxMarkedChars())).mark();
	}

	/**
	 * Text, then a comment or a tag, and so on; the content of {@code script}, {@code style} and {@code textarea}
	 * is copied as it is. A {@code <} that no {@code >} closes starts text, as before any tag.
	 */
	private String mark() {
		int at = 0;
		String rawUntil = null;
		while (at < limit) {
			int open = html.indexOf('<', at);
			int end = open < 0 ? -1 : endOfMarkup(open);
			if (end < 0) {
				break;
			}
			if (rawUntil == null) {
				markText(at, open);
			}
			else {
				out.append(html, at, open);
			}
			String tag = html.substring(open, end);
			out.append(tag);
			if (rawUntil != null) {
				if (tag.toLowerCase(Locale.ROOT).startsWith(rawUntil)) {
					rawUntil = null;
				}
			}
			else {
				Matcher raw = RAW_TEXT_OPEN.matcher(tag);
				if (raw.lookingAt()) {
					rawUntil = "</" + raw.group(1).toLowerCase(Locale.ROOT);
				}
			}
			at = end;
		}
		if (rawUntil == null && at < limit) {
			markText(at, html.length());
		}
		else {
			out.append(html, at, html.length());
		}
		return out.toString();
	}

	/** The end of the comment or tag at {@code open}, or -1 when nothing closes it. */
	private int endOfMarkup(int open) {
		if (!noCommentEnd && html.startsWith("<!--", open)) {
			int close = html.indexOf("-->", open + 4);
			if (close >= 0) {
				return close + 3;
			}
			noCommentEnd = true;
		}
		int close = html.indexOf('>', open + 1);
		return close < 0 ? -1 : close + 1;
	}

	/** Copies {@code html[from, to)}, marking the words that end before the limit. */
	private void markText(int from, int to) {
		Matcher word = WORD.matcher(html).region(from, to);
		int at = from;
		while (word.find() && word.end() <= limit) {
			if (word.group().startsWith("&")) {
				continue;
			}
			if (marked.computeIfAbsent(word.group(), this::isSearched)) {
				out.append(html, at, word.start()).append("<mark>").append(word.group()).append("</mark>");
				at = word.end();
			}
		}
		out.append(html, at, to);
	}

	private boolean isSearched(String word) {
		List<Token> tokens = analyzers.indexTokens(word);
		return tokens.size() == 1 && stems.contains(tokens.get(0).term());
	}

}
