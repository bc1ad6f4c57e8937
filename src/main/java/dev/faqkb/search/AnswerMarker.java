package dev.faqkb.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Wraps the words of a search in {@code <mark>} inside rendered answer HTML. Only text
 * between tags is touched (never a tag, an attribute, a comment or the inside of
 * {@code script}/{@code style}), and only whole words whose stem is a stem of the search:
 * the output is the trusted answer HTML plus {@code <mark>} tags, with nothing of what
 * the visitor typed in it.
 * <p>
 * Within the {@link QueryBudget}: the words of the search's first characters, marked in
 * the answer's first characters (the rest is copied as it is), each distinct word of the
 * answer stemmed once; one pass over the HTML to find the words, then one copy of it with
 * their marks, made only when there are any.
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

	/**
	 * Whether each distinct word of the answer is marked: stemming it is the costly part.
	 */
	private final Map<String, Boolean> marked = new HashMap<>();

	/** Start and end of each word to mark, in order. */
	private int[] spans = new int[32];

	private int spanEnds;

	/**
	 * Set once no {@code -->} follows: each later {@code <!--} is then a tag, without
	 * searching again.
	 */
	private boolean noCommentEnd;

	private AnswerMarker(String html, Set<String> stems, Analyzers analyzers, int limit) {
		this.html = html;
		this.stems = stems;
		this.analyzers = analyzers;
		this.limit = limit;
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
	 * Text, then a comment or a tag, and so on; the content of {@code script},
	 * {@code style} and {@code textarea} is left as it is. A {@code <} that no {@code >}
	 * closes starts text, as before any tag.
	 */
	private String mark() {
		int at = 0;
		String rawUntil = null;
		Matcher raw = RAW_TEXT_OPEN.matcher(html);
		while (at < limit) {
			int open = html.indexOf('<', at);
			int end = open < 0 ? -1 : endOfMarkup(open);
			if (end < 0) {
				break;
			}
			if (rawUntil == null) {
				findWords(at, open);
				if (raw.region(open, end).lookingAt()) {
					rawUntil = "</" + raw.group(1).toLowerCase(Locale.ROOT);
				}
			}
			else if (html.substring(open, end).toLowerCase(Locale.ROOT).startsWith(rawUntil)) {
				rawUntil = null;
			}
			at = end;
		}
		if (rawUntil == null && at < limit) {
			findWords(at, html.length());
		}
		return withMarks();
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

	/**
	 * Finds the words to mark in the text {@code html[from, to)} that end before the
	 * limit.
	 */
	private void findWords(int from, int to) {
		Matcher word = WORD.matcher(html).region(from, to);
		while (word.find() && word.end() <= limit) {
			if (html.charAt(word.start()) == '&') {
				continue;
			}
			if (marked.computeIfAbsent(word.group(), this::isSearched)) {
				if (spanEnds == spans.length) {
					spans = Arrays.copyOf(spans, spans.length * 2);
				}
				spans[spanEnds++] = word.start();
				spans[spanEnds++] = word.end();
			}
		}
	}

	/** The HTML with the words found marked; the HTML itself when there are none. */
	private String withMarks() {
		if (spanEnds == 0) {
			return html;
		}
		StringBuilder out = new StringBuilder(html.length() + spanEnds / 2 * "<mark></mark>".length());
		int at = 0;
		for (int i = 0; i < spanEnds; i += 2) {
			out.append(html, at, spans[i]).append("<mark>").append(html, spans[i], spans[i + 1]).append("</mark>");
			at = spans[i + 1];
		}
		return out.append(html, at, html.length()).toString();
	}

	private boolean isSearched(String word) {
		List<Token> tokens = analyzers.indexTokens(word);
		return tokens.size() == 1 && stems.contains(tokens.get(0).term());
	}

}
