package dev.faqkb.search;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps the words of a search in {@code <mark>} inside rendered answer HTML. Only text between tags
 * is touched (never a tag, an attribute, a comment or the inside of {@code script}/{@code style}), and
 * only whole words whose stem is a stem of the search: the output is the trusted answer HTML plus
 * {@code <mark>} tags, with nothing of what the visitor typed in it.
 */
final class AnswerMarker {

	private static final Pattern MARKUP = Pattern.compile("<!--.*?-->|<[^>]*>", Pattern.DOTALL);

	private static final Pattern WORD = Pattern.compile("&[#\\p{Alnum}]+;|[\\p{L}\\p{N}_]+");

	private static final Pattern RAW_TEXT_OPEN = Pattern.compile("<(script|style|textarea)\\b",
			Pattern.CASE_INSENSITIVE);

	private AnswerMarker() {
	}

	static String mark(String html, String terms, Analyzers analyzers) {
		Set<String> stems = new HashSet<>();
		analyzers.queryTokens(terms).forEach(token -> stems.add(token.term()));
		if (stems.isEmpty()) {
			return html;
		}
		StringBuilder out = new StringBuilder(html.length() + 64);
		Matcher markup = MARKUP.matcher(html);
		int at = 0;
		String rawUntil = null;
		while (markup.find()) {
			String text = html.substring(at, markup.start());
			out.append(rawUntil == null ? markText(text, stems, analyzers) : text);
			String tag = markup.group();
			out.append(tag);
			if (rawUntil != null) {
				if (tag.toLowerCase(Locale.ROOT).startsWith(rawUntil)) {
					rawUntil = null;
				}
			}
			else {
				Matcher open = RAW_TEXT_OPEN.matcher(tag);
				if (open.lookingAt()) {
					rawUntil = "</" + open.group(1).toLowerCase(Locale.ROOT);
				}
			}
			at = markup.end();
		}
		String rest = html.substring(at);
		out.append(rawUntil == null ? markText(rest, stems, analyzers) : rest);
		return out.toString();
	}

	private static String markText(String text, Set<String> stems, Analyzers analyzers) {
		Matcher word = WORD.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		while (word.find()) {
			if (word.group().startsWith("&")) {
				continue;
			}
			List<Token> tokens = analyzers.indexTokens(word.group());
			if (tokens.size() == 1 && stems.contains(tokens.get(0).term())) {
				out.append(text, at, word.start()).append("<mark>").append(word.group()).append("</mark>");
				at = word.end();
			}
		}
		return out.append(text, at, text.length()).toString();
	}

}
