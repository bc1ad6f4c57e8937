package dev.faqkb.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing Markdown that the content loader reads back as the text it was given: escapes
 * for plain text, code spans, link addresses and block starts. Stateless.
 */
final class Markdown {

	// A character reference that Markdown would turn into a character, so a literal '&'
	// before one is escaped.
	private static final Pattern ENTITY = Pattern
		.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

	// What starts a block other than a paragraph at the start of a line: an ATX heading,
	// a quote, a list item, a
	// thematic break or setext underline, a fence, an HTML block.
	private static final Pattern BLOCK_START = Pattern
		.compile("^(#{1,6}(?=\\s|$)|>|[-+*](?=\\s|$)|[0-9]{1,9}(?=[.)](\\s|$))|={3,}\\s*$|-{3,}\\s*$|~{3,}|`{3,})");

	private static final Pattern BACKTICKS = Pattern.compile("`+");

	private Markdown() {
	}

	/**
	 * Plain text as Markdown inline text: emphasis, code, link, HTML and attribute
	 * ({@code {...}}) characters escaped, an {@code _} only where it could start or end
	 * emphasis.
	 */
	static String text(String plain) {
		StringBuilder out = new StringBuilder(plain.length() + 8);
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			switch (c) {
				case '\\', '`', '*', '[', ']', '<', '{', '}', '~', '|' -> out.append('\\').append(c);
				case '_' -> {
					boolean inWord = i > 0 && Character.isLetterOrDigit(plain.charAt(i - 1)) && i + 1 < plain.length()
							&& Character.isLetterOrDigit(plain.charAt(i + 1));
					out.append(inWord ? "_" : "\\_");
				}
				case '&' -> out.append(ENTITY.matcher(plain).region(i, plain.length()).lookingAt() ? "\\&" : "&");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * A paragraph's Markdown with the start escaped where it would otherwise begin a
	 * heading, list, quote or fence.
	 */
	static String paragraphStart(String markdown) {
		Matcher start = BLOCK_START.matcher(markdown);
		if (!start.find()) {
			return markdown;
		}
		if (Character.isDigit(markdown.charAt(0))) {
			// "1. Open" stays a sentence: escape the delimiter.
			return markdown.substring(0, start.end()) + "\\" + markdown.substring(start.end());
		}
		return "\\" + markdown;
	}

	/** A code span holding {@code code} as written. */
	static String code(String code) {
		int longest = 0;
		Matcher runs = BACKTICKS.matcher(code);
		while (runs.find()) {
			longest = Math.max(longest, runs.group().length());
		}
		String fence = "`".repeat(longest + 1);
		boolean pad = code.startsWith("`") || code.endsWith("`")
				|| (code.startsWith(" ") && code.endsWith(" ") && !code.isBlank());
		return pad ? fence + " " + code + " " + fence : fence + code + fence;
	}

	/** A link or image address, with the characters that would end it percent-encoded. */
	static String url(String url) {
		return url.strip()
			.replace(" ", "%20")
			.replace("(", "%28")
			.replace(")", "%29")
			.replace("<", "%3C")
			.replace(">", "%3E");
	}

	/** {@code [text](url)} with {@code text} already Markdown. */
	static String link(String markdownText, String url) {
		return "[" + markdownText + "](" + url(url) + ")";
	}

	/** An autolink, {@code <https://...>} or {@code <name@example.com>}. */
	static String autolink(String address) {
		return "<" + address + ">";
	}

	/** A fenced code block, its fence longer than any run of backticks in the code. */
	static String fenced(String language, String code) {
		int longest = 2;
		Matcher runs = BACKTICKS.matcher(code);
		while (runs.find()) {
			longest = Math.max(longest, runs.group().length());
		}
		String fence = "`".repeat(longest + 1);
		return fence + (language == null ? "" : language) + "\n" + code + (code.isEmpty() ? "" : "\n") + fence;
	}

	/**
	 * Every line of {@code markdown} prefixed with {@code > }, blank lines with
	 * {@code >}.
	 */
	static String quote(String markdown) {
		return prefixLines(markdown, "> ", ">");
	}

	/** A GitHub-style callout: {@code > [!NOTE]} then the body quoted. */
	static String callout(String kind, String body) {
		return "> [!" + kind + "]" + (body.isEmpty() ? "" : "\n" + quote(body));
	}

	static String prefixLines(String text, String prefix, String blankPrefix) {
		StringBuilder out = new StringBuilder();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			out.append(lines[i].isEmpty() ? blankPrefix : prefix + lines[i]);
			if (i < lines.length - 1) {
				out.append('\n');
			}
		}
		return out.toString();
	}

	/**
	 * A YAML double-quoted scalar (the JSON string escapes, which YAML reads the same).
	 */
	static String yamlString(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						out.append(String.format("\\x%02x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** Runs of whitespace as one space, trimmed. */
	static String collapse(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

}
