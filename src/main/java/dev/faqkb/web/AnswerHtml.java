package dev.faqkb.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * An answer's HTML as pages show it (templates call {@code @answers.html(...)}): a code
 * block or table wider than a phone scrolls inside its own box, which keyboard users can
 * only scroll once it takes the focus ({@code tabindex="0"}, WCAG 2.1.1); a code block
 * written with a language gets a label naming it, and a box that {@code js/page.js} gives
 * a copy button. Works on the rendered HTML, so raw {@code <pre>} and {@code
 *
<table>
 * } that authors write get the same.
 */
@Component("answers")
class AnswerHtml {

	private static final Pattern PRE = Pattern.compile("(?s)<pre(\\s[^>]*)?>(.*?)</pre>");

	private static final Pattern LANGUAGE = Pattern.compile("^<code class=\"language-([A-Za-z0-9_+#.-]{1,30})\"");

	private static final Pattern LANGUAGE_ANYWHERE = Pattern
		.compile("<pre(?:\\s[^>]*)?><code class=\"language-(?!(?:none|text|plain|plaintext|nohighlight)\")");

	/** Fences marked as no language in particular: nothing worth a label. */
	private static final Set<String> PLAIN = Set.of("none", "text", "plain", "plaintext", "nohighlight");

	private static final Pattern TABLE = Pattern.compile("(?s)<table(\\s[^>]*)?>(.*?)</table>");

	/**
	 * The most a code block's wrapping adds: the box, a label of 30 characters,
	 * {@code tabindex}.
	 */
	private static final int CODE_BLOCK_EXTRA = 128;

	/** What a table's wrapping adds. */
	private static final int TABLE_EXTRA = 64;

	/**
	 * Whether {@code html} has a code block written in a language, which
	 * {@code js/code.js} colours: only pages with one load it.
	 */
	static boolean hasCodeToColour(String html) {
		return html.contains("<pre") && LANGUAGE_ANYWHERE.matcher(html).find();
	}

	public String html(String answerHtml) {
		// Each step builds on the one before without a string between them: a very large
		// answer is copied twice, not
		// four times (the page renders the result a slice at a time).
		CharSequence html = tables(codeBlocks(answerHtml));
		return html == answerHtml ? answerHtml : html.toString();
	}

	private static CharSequence codeBlocks(String html) {
		if (!html.contains("<pre")) {
			return html;
		}
		Matcher pre = PRE.matcher(html);
		StringBuilder out = new StringBuilder(html.length() + count(html, "<pre") * CODE_BLOCK_EXTRA);
		int at = 0;
		while (pre.find()) {
			String attributes = pre.group(1) == null ? "" : pre.group(1);
			Matcher language = LANGUAGE.matcher(html).region(pre.start(2), pre.end(2));
			out.append(html, at, pre.start()).append("<div class=\"code-block\">");
			if (language.lookingAt() && !PLAIN.contains(language.group(1).toLowerCase(Locale.ROOT))) {
				out.append("<div class=\"code-bar\"><span class=\"code-lang\">")
					.append(language.group(1))
					.append("</span></div>");
			}
			out.append("<pre").append(attributes).append(attributes.contains("tabindex") ? "" : " tabindex=\"0\"");
			out.append('>').append(html, pre.start(2), pre.end(2)).append("</pre></div>");
			at = pre.end();
		}
		return out.append(html, at, html.length());
	}

	private static CharSequence tables(CharSequence html) {
		if (indexOf(html, "<table", 0) < 0) {
			return html;
		}
		Matcher table = TABLE.matcher(html);
		StringBuilder out = new StringBuilder(html.length() + count(html, "<table") * TABLE_EXTRA);
		int at = 0;
		while (table.find()) {
			out.append(html, at, table.start());
			// A table inside a table would end this match at the inner one's end tag:
			// left as it is.
			int inner = indexOf(html, "<table", table.start(2));
			boolean nested = inner >= 0 && inner + "<table".length() <= table.end(2);
			if (!nested) {
				out.append("<div class=\"table-scroll\" tabindex=\"0\">");
			}
			out.append(html, table.start(), table.end());
			if (!nested) {
				out.append("</div>");
			}
			at = table.end();
		}
		return out.append(html, at, html.length());
	}

	/** How often {@code what} occurs in {@code text}. */
	private static int count(CharSequence text, String what) {
		int count = 0;
		for (int at = indexOf(text, what, 0); at >= 0; at = indexOf(text, what, at + what.length())) {
			count++;
		}
		return count;
	}

	private static int indexOf(CharSequence text, String what, int from) {
		if (text instanceof String string) {
			return string.indexOf(what, from);
		}
		return ((StringBuilder) text).indexOf(what, from);
	}

}
