package dev.faqkb.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * reStructuredText inline markup to Markdown: emphasis, strong, literals, hyperlink
 * references (embedded, named, anonymous, standalone addresses), substitutions and the
 * common roles, with docutils' rules for where markup may start and end. Text that is not
 * markup is escaped. One instance per page, used from one thread: anonymous references
 * are matched to the page's anonymous targets in order.
 */
final class RstInline {

	/** Inline text as Markdown and as plain text (for slugs and titles). */
	record Text(String markdown, String plain) {
	}

	// Roles whose text is code.
	private static final Set<String> CODE_ROLES = Set.of("code", "literal", "samp", "file", "command", "program", "kbd",
			"envvar", "option", "makevar", "mimetype", "regexp");

	private static final Set<String> EMPHASIS_ROLES = Set.of("emphasis", "dfn", "title-reference", "title", "t",
			"cite");

	private static final Pattern ROLE = Pattern.compile(":([A-Za-z0-9][\\w.+:-]*):`");

	private static final Pattern ROLE_SUFFIX = Pattern.compile(":([A-Za-z0-9][\\w.+:-]*):");

	private static final Pattern TITLE_AND_TARGET = Pattern.compile("(?s)(.*?)\\s*<([^<>]+)>");

	private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[(#[\\w-]*|\\*|[0-9]+|[\\w.-]+)\\]_");

	// What docutils recognises as an address without markup, and e-mail addresses; and
	// simple references (name_).
	private static final Pattern STANDALONE = Pattern.compile(
			"(?<![\\w/@.])(?<url>(?:https?|ftp)://[^\\s<>\"]*[^\\s<>\".,;:!?'\")\\]}]|mailto:[^\\s<>\"]*[^\\s<>\".,;:!?'\")\\]}])"
					+ "|(?<![\\w.+\\-/:@])(?<email>[\\w.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)(?![\\w@-])"
					+ "|(?<![\\w.+-])(?<ref>[A-Za-z0-9](?:[\\w.+-]*[A-Za-z0-9])?)(?<underscores>__?)(?=$|[\\s.,;:!?'\")\\]}>-])");

	private static final String START_AFTER = "-:/'\"<([{";

	private static final String END_BEFORE = "-.,:;!?\\/'\")]}>";

	private final RstPage page;

	private final RstLinks links;

	private final List<Problem> problems;

	private int anonymous;

	private int line;

	private int depth;

	/**
	 * @param page the page being converted, or {@code null} to convert titles to plain
	 * text before any page is known
	 * @param problems where what cannot be converted is reported, or {@code null} to
	 * report nothing
	 */
	RstInline(RstPage page, RstLinks links, List<Problem> problems) {
		this.page = page;
		this.links = links;
		this.problems = problems;
	}

	/** The plain text of inline markup, with nothing resolved or reported. */
	static String plain(String text) {
		return new RstInline(null, null, null).convert(text, 0).plain();
	}

	/**
	 * @param text the text of one paragraph or title, its lines joined
	 * @param line its first line, for messages
	 */
	Text convert(String text, int line) {
		this.line = line;
		Out out = new Out();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(i + 1);
				if (!Character.isWhitespace(next)) {
					out.escaped(next);
				}
				i += 2;
				continue;
			}
			if (startAllowed(text, i)) {
				int after = markup(text, i, out);
				if (after > i) {
					i = after;
					continue;
				}
			}
			out.pending.append(c);
			i++;
		}
		out.flush();
		return new Text(out.markdown.toString(), out.plain.toString());
	}

	/**
	 * Converts the markup starting at {@code i}; returns the index after it, or -1 when
	 * there is none.
	 */
	private int markup(String s, int i, Out out) {
		Matcher role = ROLE.matcher(s).region(i, s.length());
		if (role.lookingAt()) {
			int end = end(s, role.end(), "`");
			if (end < 0 || !endAllowed(s, end + 1)) {
				return -1;
			}
			out.add(role(role.group(1).toLowerCase(Locale.ROOT), s.substring(role.end(), end)));
			return end + 1;
		}
		if (s.startsWith("**", i)) {
			int end = end(s, i + 2, "**");
			if (end < 0 || !endAllowed(s, end + 2)) {
				return -1;
			}
			String inner = s.substring(i + 2, end);
			out.add(new Text("**" + Markdown.text(inner) + "**", inner));
			return end + 2;
		}
		if (s.startsWith("``", i)) {
			int end = end(s, i + 2, "``");
			if (end < 0 || !endAllowed(s, end + 2)) {
				return -1;
			}
			String code = s.substring(i + 2, end);
			out.add(new Text(Markdown.code(code), code));
			return end + 2;
		}
		char c = s.charAt(i);
		if (c == '*') {
			int end = end(s, i + 1, "*");
			if (end < 0 || !endAllowed(s, end + 1)) {
				return -1;
			}
			String inner = s.substring(i + 1, end);
			out.add(new Text("*" + Markdown.text(inner) + "*", inner));
			return end + 1;
		}
		if (c == '`') {
			return interpreted(s, i, out);
		}
		if (c == '|') {
			int end = end(s, i + 1, "|");
			if (end < 0) {
				return -1;
			}
			int after = end + 1 + (s.startsWith("__", end + 1) ? 2 : s.startsWith("_", end + 1) ? 1 : 0);
			if (!endAllowed(s, after)) {
				return -1;
			}
			out.add(substitution(s.substring(i + 1, end)));
			return after;
		}
		if (s.startsWith("_`", i)) {
			int end = end(s, i + 2, "`");
			if (end < 0 || !endAllowed(s, end + 1)) {
				return -1;
			}
			String target = s.substring(i + 2, end);
			out.add(new Text(Markdown.text(target), target));
			return end + 1;
		}
		Matcher footnote = FOOTNOTE_REFERENCE.matcher(s).region(i, s.length());
		if (c == '[' && footnote.lookingAt() && endAllowed(s, footnote.end())) {
			report("footnote and citation references are not converted: [" + footnote.group(1) + "] left out");
			return footnote.end();
		}
		return -1;
	}

	/**
	 * {@code `text`} with what may follow it: {@code _} or {@code __} (a reference), or a
	 * role.
	 */
	private int interpreted(String s, int i, Out out) {
		int from = i + 1;
		while (true) {
			int end = end(s, from, "`");
			if (end < 0) {
				return -1;
			}
			String content = s.substring(i + 1, end);
			int after = end + 1;
			if (s.startsWith("__", after) && endAllowed(s, after + 2)) {
				out.add(reference(content, true));
				return after + 2;
			}
			if (s.startsWith("_", after) && endAllowed(s, after + 1)) {
				out.add(reference(content, false));
				return after + 1;
			}
			Matcher suffix = ROLE_SUFFIX.matcher(s).region(after, s.length());
			if (suffix.lookingAt() && endAllowed(s, suffix.end())) {
				out.add(role(suffix.group(1).toLowerCase(Locale.ROOT), content));
				return suffix.end();
			}
			if (endAllowed(s, after)) {
				// The default role, title-reference, which docutils shows in italics.
				out.add(new Text("*" + Markdown.text(content) + "*", content));
				return after;
			}
			from = end + 1;
		}
	}

	/**
	 * The index of the end-string closing inline markup whose text starts at
	 * {@code from}, or -1: the text is not empty, does not start or end with whitespace,
	 * and the end-string is not escaped.
	 */
	private static int end(String s, int from, String endString) {
		if (from >= s.length() || Character.isWhitespace(s.charAt(from))) {
			return -1;
		}
		boolean literal = endString.equals("``");
		for (int j = s.indexOf(endString, from); j >= 0; j = s.indexOf(endString, j + 1)) {
			if (j == from) {
				continue;
			}
			char before = s.charAt(j - 1);
			if (Character.isWhitespace(before) || (!literal && before == '\\')) {
				continue;
			}
			if (endString.equals("*") && s.startsWith("**", j) && !endAllowed(s, j + 1)) {
				continue;
			}
			return j;
		}
		return -1;
	}

	private static boolean startAllowed(String s, int i) {
		if (i + 1 >= s.length() || Character.isWhitespace(s.charAt(i + 1))) {
			return false;
		}
		if (i == 0) {
			return true;
		}
		char before = s.charAt(i - 1);
		if (Character.isWhitespace(before) || START_AFTER.indexOf(before) >= 0) {
			// "(*)" and "'*'" are not markup.
			int quote = "'\"<([{".indexOf(before);
			char next = s.charAt(i + 1);
			return quote < 0 || next != "'\">)]}".charAt(quote);
		}
		int type = Character.getType(before);
		return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
				|| type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.DASH_PUNCTUATION
				|| (type == Character.OTHER_PUNCTUATION && before != '*' && before != '\\');
	}

	private static boolean endAllowed(String s, int j) {
		if (j >= s.length()) {
			return true;
		}
		char after = s.charAt(j);
		if (Character.isWhitespace(after) || END_BEFORE.indexOf(after) >= 0) {
			return true;
		}
		int type = Character.getType(after);
		return type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
				|| type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.DASH_PUNCTUATION
				|| (type == Character.OTHER_PUNCTUATION && after != '*');
	}

	private Text role(String name, String content) {
		String text = content.strip();
		if (CODE_ROLES.contains(name) || (name.contains(":") && !name.equals("std:ref") && !name.equals("std:doc"))) {
			// Domain roles (py:func, js:class) name code; "~" asks Sphinx to show the
			// last part only.
			String code = text.startsWith("~") ? text.substring(text.lastIndexOf('.') + 1) : text;
			Matcher titled = TITLE_AND_TARGET.matcher(code);
			code = titled.matches() && !titled.group(1).isEmpty() ? titled.group(1) : code;
			return new Text(Markdown.code(code), code);
		}
		if (EMPHASIS_ROLES.contains(name)) {
			return new Text("*" + Markdown.text(text) + "*", text);
		}
		return switch (name) {
			case "ref", "std:ref" -> ref(text, false);
			case "doc", "std:doc" -> doc(text, true);
			case "any" -> ref(text, true);
			case "strong" -> new Text("**" + Markdown.text(text) + "**", text);
			case "guilabel" -> {
				String label = text.replace("&&", "\u0000").replace("&", "").replace("\u0000", "&");
				yield new Text("**" + Markdown.text(label) + "**", label);
			}
			case "menuselection" -> {
				String menu = text.replace("&&", "\u0000").replace("&", "").replace("\u0000", "&").replace("-->", ">");
				yield new Text("**" + Markdown.text(menu) + "**", menu);
			}
			case "abbr" -> {
				String abbreviation = text.replaceFirst("\\s*\\(.*\\)$", "");
				yield new Text(Markdown.text(abbreviation), abbreviation);
			}
			case "sub", "subscript" -> new Text("<sub>" + Markdown.text(text) + "</sub>", text);
			case "sup", "superscript" -> new Text("<sup>" + Markdown.text(text) + "</sup>", text);
			default -> {
				report("unknown role ':" + name + ":': '" + text + "' kept as plain text");
				yield new Text(Markdown.text(text), text);
			}
		};
	}

	/**
	 * {@code :ref:`title <label>`}, {@code :ref:`label`}, and Sphinx autosectionlabel's
	 * {@code doc:Section title}.
	 */
	private Text ref(String content, boolean orDocument) {
		Matcher titled = TITLE_AND_TARGET.matcher(content);
		String title = titled.matches() && !titled.group(1).isBlank() ? titled.group(1) : null;
		String target = titled.matches() ? titled.group(2).strip() : content;
		if (links == null) {
			return plainText(title != null ? title : target);
		}
		Optional<RstLinks.Target> found = links.label(RstPage.normalize(target));
		int colon = target.indexOf(':');
		if (found.isEmpty() && colon > 0) {
			found = links.section(target.substring(0, colon), target.substring(colon + 1));
		}
		if (found.isPresent()) {
			return link(title != null ? title : found.get().title(), RstLinks.href(found.get(), page));
		}
		if (orDocument && links.page(target).isPresent()) {
			return doc(content, false);
		}
		String shown = title != null ? title : colon > 0 ? target.substring(colon + 1) : target;
		String url = colon > 0 ? links.documentUrl(target.substring(0, colon), target.substring(colon + 1)) : null;
		if (url != null) {
			return link(shown, url);
		}
		report(":ref: to '" + target + "' kept as plain text: "
				+ (colon > 0 ? "it is not on the imported pages; give --base-url to link to the Sphinx site"
						: "no imported page has that label, and its page is unknown"));
		return plainText(shown);
	}

	/** {@code :doc:`title <path>`} and {@code :doc:`path`}. */
	private Text doc(String content, boolean report) {
		Matcher titled = TITLE_AND_TARGET.matcher(content);
		String title = titled.matches() && !titled.group(1).isBlank() ? titled.group(1) : null;
		String target = titled.matches() ? titled.group(2).strip() : content;
		if (links == null) {
			return plainText(title != null ? title : target);
		}
		Optional<RstPage> imported = links.page(target);
		if (imported.isPresent()) {
			return link(title != null ? title : imported.get().title, imported.get().categoryId + ".md");
		}
		String shown = title != null ? title : target;
		String url = links.documentUrl(target, null);
		if (url != null) {
			return link(shown, url);
		}
		if (report) {
			report(":doc: to '" + target
					+ "' kept as plain text: it is not among the imported pages; give --base-url to "
					+ "link to the Sphinx site");
		}
		return plainText(shown);
	}

	/**
	 * {@code `text <address>`_}, {@code `name`_} and their anonymous ({@code __}) forms.
	 */
	private Text reference(String content, boolean anonymousReference) {
		Matcher titled = TITLE_AND_TARGET.matcher(content);
		if (titled.matches()) {
			String target = titled.group(2).replaceAll("\\s+", "");
			String text = titled.group(1).isBlank() ? target : titled.group(1);
			if (page == null) {
				return plainText(text);
			}
			if (target.endsWith("_") && !target.endsWith("\\_")) {
				return named(text, target.substring(0, target.length() - 1));
			}
			if (!anonymousReference && !titled.group(1).isBlank()) {
				page.addNamedTarget(text, target);
			}
			return link(text, links.resolve(target));
		}
		if (page == null) {
			return plainText(content);
		}
		if (anonymousReference) {
			String target = page.anonymousTarget(anonymous++);
			if (target == null) {
				report("anonymous reference '" + content
						+ "' has no anonymous target (.. __: address): kept as plain text");
				return plainText(content);
			}
			return link(content, links.resolve(target));
		}
		return named(content, content);
	}

	/**
	 * A reference to a named target: an address ({@code .. _name: address}), a label or a
	 * section title.
	 */
	private Text named(String text, String name) {
		String address = page.namedTarget(name);
		for (int hops = 0; address != null && address.endsWith("_") && hops < 10; hops++) {
			address = page.namedTarget(address.substring(0, address.length() - 1));
		}
		if (address != null) {
			return link(text, links.resolve(address));
		}
		Optional<RstLinks.Target> internal = links.onPage(page, name);
		if (internal.isEmpty()) {
			internal = links.label(RstPage.normalize(name));
		}
		if (internal.isPresent()) {
			return link(text, RstLinks.href(internal.get(), page));
		}
		report("unknown target name '" + name + "': kept as plain text");
		return plainText(text);
	}

	private Text substitution(String name) {
		RstPage.Substitution found = page == null ? null : page.substitution(name);
		if (found == null) {
			if (page != null) {
				report("unknown substitution |" + name + "|: kept as plain text");
			}
			return plainText(name);
		}
		if (found.directive().equals("replace") && depth < 5) {
			depth++;
			int at = line;
			try {
				return convert(found.text(), at);
			}
			finally {
				depth--;
				line = at;
			}
		}
		if (found.directive().equals("image")) {
			String alt = found.alt() != null ? found.alt() : name;
			return new Text("![" + Markdown.text(alt) + "](" + Markdown.url(links.resolve(found.text())) + ")", alt);
		}
		report("substitution |" + name + "| uses the directive '" + found.directive()
				+ "', which is not converted: kept as plain text");
		return plainText(name);
	}

	private static Text link(String text, String url) {
		return new Text(Markdown.link(Markdown.text(text), url), text);
	}

	private static Text plainText(String text) {
		return new Text(Markdown.text(text), text);
	}

	private void report(String message) {
		if (problems != null && page != null) {
			problems.add(new Problem(page.source, line, message));
		}
	}

	/**
	 * The Markdown and plain text built so far, and the text not yet known to be markup.
	 */
	private final class Out {

		final StringBuilder markdown = new StringBuilder();

		final StringBuilder plain = new StringBuilder();

		final StringBuilder pending = new StringBuilder();

		void add(Text text) {
			flush();
			markdown.append(text.markdown());
			plain.append(text.plain());
		}

		/** A backslash-escaped character: never markup, nor the start of an address. */
		void escaped(char c) {
			flush();
			markdown.append(Markdown.text(String.valueOf(c)));
			plain.append(c);
		}

		void flush() {
			if (pending.isEmpty()) {
				return;
			}
			String text = pending.toString();
			pending.setLength(0);
			Matcher found = STANDALONE.matcher(text);
			int copied = 0;
			while (found.find()) {
				String replacement;
				String shown;
				if (found.group("url") != null) {
					replacement = Markdown.autolink(found.group("url"));
					shown = found.group("url");
				}
				else if (found.group("email") != null) {
					replacement = Markdown.autolink(found.group("email"));
					shown = found.group("email");
				}
				else if (page != null) {
					Text reference = found.group("underscores").length() == 2 ? reference(found.group("ref"), true)
							: named(found.group("ref"), found.group("ref"));
					replacement = reference.markdown();
					shown = reference.plain();
				}
				else {
					replacement = Markdown.text(found.group("ref"));
					shown = found.group("ref");
				}
				markdown.append(Markdown.text(text.substring(copied, found.start()))).append(replacement);
				plain.append(text, copied, found.start()).append(shown);
				copied = found.end();
			}
			markdown.append(Markdown.text(text.substring(copied)));
			plain.append(text.substring(copied));
		}

	}

}
