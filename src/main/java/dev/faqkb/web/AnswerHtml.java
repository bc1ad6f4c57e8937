package dev.faqkb.web;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * An answer's HTML as pages show it (templates call {@code @answers.html(...)}): a code block or table wider than a
 * phone scrolls inside its own box, which keyboard users can only scroll once it takes the focus
 * ({@code tabindex="0"}, WCAG 2.1.1); a code block written with a language gets a label naming it, and a box that
 * {@code js/page.js} gives a copy button. Works on the rendered HTML, so raw {@code <pre>} and {@code <table>} that
 * authors write get the same.
 */
@Component("answers")
class AnswerHtml {

	private static final Pattern PRE = Pattern.compile("(?s)<pre(\\s[^>]*)?>(.*?)</pre>");

	private static final Pattern LANGUAGE = Pattern.compile("^<code class=\"language-([A-Za-z0-9_+#.-]{1,30})\"");

	/** Fences marked as no language in particular: nothing worth a label. */
	private static final Set<String> PLAIN = Set.of("none", "text", "plain", "plaintext", "nohighlight");

	private static final Pattern TABLE = Pattern.compile("(?s)<table(\\s[^>]*)?>(.*?)</table>");

	public String html(String answerHtml) {
		return tables(codeBlocks(answerHtml));
	}

	private static String codeBlocks(String html) {
		if (!html.contains("<pre")) {
			return html;
		}
		Matcher pre = PRE.matcher(html);
		StringBuilder out = new StringBuilder(html.length() + 256);
		while (pre.find()) {
			String attributes = pre.group(1) == null ? "" : pre.group(1);
			String body = pre.group(2);
			Matcher language = LANGUAGE.matcher(body);
			String bar = language.find() && !PLAIN.contains(language.group(1).toLowerCase(Locale.ROOT))
					? "<div class=\"code-bar\"><span class=\"code-lang\">" + language.group(1) + "</span></div>" : "";
			String focusable = attributes.contains("tabindex") ? "" : " tabindex=\"0\"";
			pre.appendReplacement(out, Matcher.quoteReplacement("<div class=\"code-block\">" + bar + "<pre" + attributes
					+ focusable + ">" + body + "</pre></div>"));
		}
		pre.appendTail(out);
		return out.toString();
	}

	private static String tables(String html) {
		if (!html.contains("<table")) {
			return html;
		}
		Matcher table = TABLE.matcher(html);
		StringBuilder out = new StringBuilder(html.length() + 64);
		while (table.find()) {
			// A table inside a table would end this match at the inner one's end tag: left as it is.
			String wrapped = table.group(2).contains("<table") ? table.group()
					: "<div class=\"table-scroll\" tabindex=\"0\">" + table.group() + "</div>";
			table.appendReplacement(out, Matcher.quoteReplacement(wrapped));
		}
		table.appendTail(out);
		return out.toString();
	}

}
