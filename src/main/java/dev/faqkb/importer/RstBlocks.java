package dev.faqkb.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * reStructuredText body elements to Markdown blocks: paragraphs, bullet and enumerated
 * lists, literal blocks, block quotes, definition and field lists, line blocks,
 * transitions, and the directives of the documented subset (see docs/authors.md,
 * "Importing an existing FAQ"). Anything else is reported with its line, never dropped
 * silently. One instance per page, used from one thread ({@code .. highlight::} applies
 * to what follows it).
 */
final class RstBlocks {

	private static final Pattern BULLET = Pattern.compile("^([-*+\u2022\u2023\u2043])(?:\\s+(.*))?$");

	private static final Pattern ENUMERATOR = Pattern
		.compile("^(\\(?)([0-9]+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)([.)])(?:\\s+(.*))?$");

	private static final Pattern FIELD = Pattern.compile("^:([^:\\s][^:]*?):(?:\\s+(.*))?$");

	private static final Pattern OPTION = Pattern.compile("^:([\\w-]+):(?:\\s+(.*))?$");

	private static final Pattern DIRECTIVE = Pattern.compile("^([A-Za-z0-9][\\w:+.-]*)::(?:\\s+(.*))?$");

	private static final Pattern NESTED_LIST = Pattern.compile("(- |[0-9]+\\. )");

	private static final Pattern GRID_TABLE = Pattern.compile("^\\+([-=]+\\+)+$");

	private static final Pattern SIMPLE_TABLE = Pattern.compile("^=+( +=+)+$");

	private static final Map<String, String> CALLOUTS = Map.of("note", "NOTE", "tip", "TIP", "hint", "TIP", "important",
			"IMPORTANT", "attention", "IMPORTANT", "warning", "WARNING", "caution", "CAUTION", "danger", "CAUTION",
			"error", "CAUTION");

	// Options that only change how Sphinx shows a block, which the Markdown has no way to
	// say.
	private static final Set<String> PRESENTATION_OPTIONS = Set.of("linenos", "lineno-start", "emphasize-lines",
			"dedent", "force", "class", "name", "number-lines", "width", "height", "scale", "align", "loading",
			"figwidth", "figclass");

	private final String source;

	private final RstInline inline;

	private final RstLinks links;

	private final List<Problem> problems;

	private String highlight;

	private String description = "";

	/**
	 * @param links what relative image addresses are resolved with
	 */
	RstBlocks(String source, RstInline inline, RstLinks links, List<Problem> problems) {
		this.source = source;
		this.inline = inline;
		this.links = links;
		this.problems = problems;
	}

	/** The page's {@code .. meta:: :description:}, or empty. */
	String description() {
		return description;
	}

	/**
	 * @param preamble whether these are the lines before the page's first title, whose
	 * field list is the document's metadata ({@code :orphan:}), not content
	 */
	String convert(List<RstLine> lines, boolean preamble) {
		return String.join("\n\n", blocks(lines, preamble));
	}

	private List<String> blocks(List<RstLine> lines, boolean preamble) {
		List<String> out = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			RstLine line = lines.get(i);
			String text = line.text();
			if (line.blank()) {
				i++;
				continue;
			}
			if (line.indent() > 0) {
				int end = RstLine.indentedEnd(lines, i);
				String quoted = String.join("\n\n", blocks(RstLine.dedent(RstLine.trim(lines.subList(i, end))), false));
				if (!quoted.isEmpty()) {
					out.add(Markdown.quote(quoted));
				}
				i = end;
				continue;
			}
			if (text.equals("..") || text.startsWith(".. ") || text.startsWith("__ ")) {
				int end = RstLine.indentedEnd(lines, i + 1);
				explicit(lines.get(i), RstLine.trim(lines.subList(i + 1, end)), out);
				i = end;
				continue;
			}
			if (RstPage.isAdornment(text) && text.length() >= 4 && (i == 0 || lines.get(i - 1).blank())
					&& (i + 1 == lines.size() || lines.get(i + 1).blank())) {
				out.add("***");
				i++;
				continue;
			}
			if (BULLET.matcher(text).matches() || (ENUMERATOR.matcher(text).matches() && enumeratedList(lines, i))) {
				i = list(lines, i, out);
				continue;
			}
			if (GRID_TABLE.matcher(text).matches() || SIMPLE_TABLE.matcher(text).matches()) {
				i = table(lines, i, out);
				continue;
			}
			if (text.startsWith(">>>")) {
				int end = paragraphEnd(lines, i);
				out.add(Markdown.fenced("pycon",
						lines.subList(i, end).stream().map(RstLine::text).collect(Collectors.joining("\n"))));
				i = end;
				continue;
			}
			if (text.equals("|") || text.startsWith("| ")) {
				i = lineBlock(lines, i, out);
				continue;
			}
			if (FIELD.matcher(text).matches()) {
				i = fieldList(lines, i, preamble ? new ArrayList<>() : out);
				continue;
			}
			int end = paragraphEnd(lines, i);
			if (end < lines.size() && !lines.get(end).blank() && lines.get(end).indent() > 0) {
				if (end == i + 1) {
					i = definition(lines, i, out);
					continue;
				}
				problem(lines.get(end).number(), "unexpected indentation: read as a block quote");
			}
			i = paragraph(lines, i, end, out);
		}
		return out;
	}

	private static int paragraphEnd(List<RstLine> lines, int from) {
		int end = from;
		while (end < lines.size() && !lines.get(end).blank() && lines.get(end).indent() == 0) {
			end++;
		}
		return end;
	}

	/** A paragraph, and the literal block after it when it ends with {@code ::}. */
	private int paragraph(List<RstLine> lines, int from, int end, List<String> out) {
		String text = lines.subList(from, end)
			.stream()
			.map(line -> line.text().strip())
			.collect(Collectors.joining(" "));
		boolean literal = text.endsWith("::") && !text.endsWith("\\::");
		if (literal) {
			text = text.equals("::") ? "" : Character.isWhitespace(text.charAt(text.length() - 3))
					? text.substring(0, text.length() - 3).stripTrailing() : text.substring(0, text.length() - 1);
		}
		if (!text.isEmpty()) {
			out.add(Markdown.paragraphStart(inline.convert(text, lines.get(from).number()).markdown()));
		}
		if (!literal) {
			return end;
		}
		int next = end;
		while (next < lines.size() && lines.get(next).blank()) {
			next++;
		}
		if (next == lines.size() || lines.get(next).indent() == 0) {
			problem(lines.get(end - 1).number(), "'::' announces a literal block, but no indented block follows it");
			return end;
		}
		int blockEnd = RstLine.indentedEnd(lines, next);
		out.add(Markdown.fenced(highlight, code(lines.subList(next, blockEnd))));
		return blockEnd;
	}

	private static String code(List<RstLine> lines) {
		return RstLine.dedent(RstLine.trim(lines)).stream().map(RstLine::text).collect(Collectors.joining("\n"));
	}

	/**
	 * Whether the enumerator at {@code i} starts a list: as docutils decides, a line such
	 * as "A. Lincoln" followed by more text of its paragraph does not.
	 */
	private static boolean enumeratedList(List<RstLine> lines, int i) {
		if (i + 1 >= lines.size()) {
			return true;
		}
		RstLine next = lines.get(i + 1);
		return next.blank() || next.indent() > 0 || ENUMERATOR.matcher(next.text()).matches();
	}

	private int list(List<RstLine> lines, int from, List<String> out) {
		Matcher first = BULLET.matcher(lines.get(from).text());
		boolean bullets = first.matches();
		String style = bullets ? first.group(1) : style(lines.get(from).text());
		int start = 1;
		if (!bullets) {
			Matcher enumerator = ENUMERATOR.matcher(lines.get(from).text());
			if (enumerator.matches() && enumerator.group(2).matches("[0-9]+")) {
				start = Integer.parseInt(enumerator.group(2));
			}
		}
		List<List<String>> items = new ArrayList<>();
		boolean loose = false;
		int i = from;
		while (true) {
			RstLine line = lines.get(i);
			Matcher marker = bullets ? BULLET.matcher(line.text()) : ENUMERATOR.matcher(line.text());
			marker.matches();
			String content = bullets ? marker.group(2) : marker.group(4);
			int end = RstLine.indentedEnd(lines, i + 1);
			int contentEnd = end;
			while (contentEnd > i + 1 && lines.get(contentEnd - 1).blank()) {
				contentEnd--;
			}
			List<RstLine> body = new ArrayList<>();
			body.add(new RstLine(line.number(), content == null ? "" : content));
			body.addAll(RstLine.dedent(lines.subList(i + 1, contentEnd)));
			List<String> item = blocks(body, false);
			// As docutils compacts a list: tight unless an item has more than a paragraph
			// and nested lists.
			loose |= item.stream().skip(1).anyMatch(block -> !NESTED_LIST.matcher(block).lookingAt());
			items.add(item);
			i = end;
			if (i < lines.size() && lines.get(i).indent() == 0 && sameList(lines.get(i).text(), bullets, style)
					&& (bullets || enumeratedList(lines, i))) {
				continue;
			}
			break;
		}
		StringBuilder list = new StringBuilder();
		int number = start;
		for (List<String> item : items) {
			String marker = bullets ? "- " : (number++) + ". ";
			String body = String.join(loose ? "\n\n" : "\n", item);
			if (list.length() > 0) {
				list.append(loose ? "\n\n" : "\n");
			}
			list.append(marker)
				.append(Markdown.prefixLines(body, " ".repeat(marker.length()), "").substring(marker.length()));
		}
		out.add(list.toString());
		return i;
	}

	private static String style(String text) {
		Matcher enumerator = ENUMERATOR.matcher(text);
		return enumerator.matches() ? enumerator.group(1) + enumerator.group(3) : "";
	}

	private static boolean sameList(String text, boolean bullets, String style) {
		if (bullets) {
			Matcher bullet = BULLET.matcher(text);
			return bullet.matches() && bullet.group(1).equals(style);
		}
		return ENUMERATOR.matcher(text).matches() && style(text).equals(style);
	}

	/** A definition list item: its term in bold, then its definition. */
	private int definition(List<RstLine> lines, int i, List<String> out) {
		RstLine term = lines.get(i);
		int end = RstLine.indentedEnd(lines, i + 1);
		out.add("**" + inline.convert(term.text().strip(), term.number()).markdown() + "**");
		out.addAll(blocks(RstLine.dedent(RstLine.trim(lines.subList(i + 1, end))), false));
		return end;
	}

	/** A field list: each field as a paragraph starting with its name in bold. */
	private int fieldList(List<RstLine> lines, int i, List<String> out) {
		while (i < lines.size()) {
			Matcher field = FIELD.matcher(lines.get(i).text());
			if (lines.get(i).indent() > 0 || !field.matches()) {
				break;
			}
			int end = RstLine.indentedEnd(lines, i + 1);
			List<RstLine> body = new ArrayList<>();
			body.add(new RstLine(lines.get(i).number(), field.group(2) == null ? "" : field.group(2)));
			body.addAll(RstLine.dedent(RstLine.trim(lines.subList(i + 1, end))));
			List<String> blocks = blocks(body, false);
			String name = "**" + inline.convert(field.group(1), lines.get(i).number()).markdown() + ":**";
			if (blocks.isEmpty() || blocks.get(0).startsWith("- ") || blocks.get(0).startsWith("```")) {
				out.add(name);
				out.addAll(blocks);
			}
			else {
				out.add(name + " " + blocks.get(0));
				out.addAll(blocks.subList(1, blocks.size()));
			}
			i = end;
			while (i < lines.size() && lines.get(i).blank()) {
				i++;
			}
		}
		return i;
	}

	/** A line block: its lines kept apart by hard line breaks. */
	private int lineBlock(List<RstLine> lines, int i, List<String> out) {
		List<String> kept = new ArrayList<>();
		while (i < lines.size() && (lines.get(i).text().equals("|") || lines.get(i).text().startsWith("| "))) {
			String text = lines.get(i).text().substring(1).strip();
			int number = lines.get(i).number();
			i++;
			while (i < lines.size() && !lines.get(i).blank() && lines.get(i).indent() > 0) {
				text += " " + lines.get(i++).text().strip();
			}
			kept.add(inline.convert(text, number).markdown());
		}
		out.add(Markdown.paragraphStart(String.join("\\\n", kept)));
		return i;
	}

	/**
	 * A grid or simple table: kept as preformatted text, and reported, since Markdown
	 * tables cannot hold them all.
	 */
	private int table(List<RstLine> lines, int from, List<String> out) {
		boolean grid = GRID_TABLE.matcher(lines.get(from).text()).matches();
		int end = from + 1;
		int borders = 1;
		while (end < lines.size()) {
			RstLine line = lines.get(end);
			if (grid ? line.blank()
					: line.blank() && borders >= 2 && SIMPLE_TABLE.matcher(lines.get(end - 1).text()).matches()) {
				break;
			}
			if (!grid && SIMPLE_TABLE.matcher(line.text()).matches()) {
				borders++;
			}
			end++;
		}
		problem(lines.get(from).number(), "table not converted to Markdown: kept as preformatted text (lines "
				+ lines.get(from).number() + "-" + lines.get(end - 1).number() + ")");
		out.add(Markdown.fenced(null, code(lines.subList(from, end))));
		return end;
	}

	/**
	 * An explicit markup block ({@code .. }): a directive, a target, a substitution
	 * definition, a footnote or a comment.
	 */
	private void explicit(RstLine first, List<RstLine> rest, List<String> out) {
		String head = first.text().substring(2).strip();
		if (first.text().startsWith("__ ") || head.startsWith("_") || head.startsWith("|")) {
			return; // hyperlink targets, labels and substitution definitions: read by
					// RstPage, used where referenced
		}
		if (head.startsWith("[")) {
			problem(first.number(), "footnotes and citations are not converted: left out");
			return;
		}
		Matcher directive = DIRECTIVE.matcher(head);
		if (!directive.matches()) {
			return; // a comment
		}
		String name = directive.group(1).toLowerCase(Locale.ROOT);
		String argument = directive.group(2) == null ? "" : directive.group(2).strip();
		List<RstLine> body = RstLine.dedent(rest);
		Map<String, String> options = new LinkedHashMap<>();
		int k = 0;
		// An argument may go on over the lines before the options (a long image address).
		while (!argument.isEmpty() && !CALLOUTS.containsKey(name) && k < body.size() && !body.get(k).blank()
				&& !OPTION.matcher(body.get(k).text()).matches() && !name.equals("code-block") && !name.equals("code")
				&& !name.equals("sourcecode")) {
			argument += (name.equals("image") || name.equals("figure") ? "" : " ") + body.get(k++).text().strip();
		}
		while (k < body.size() && !body.get(k).blank() && OPTION.matcher(body.get(k).text()).matches()) {
			Matcher option = OPTION.matcher(body.get(k++).text());
			option.matches();
			options.put(option.group(1).toLowerCase(Locale.ROOT),
					option.group(2) == null ? "" : option.group(2).strip());
		}
		List<RstLine> content = new ArrayList<>(RstLine.trim(body.subList(k, body.size())));
		int last = rest.isEmpty() ? first.number() : rest.get(rest.size() - 1).number();
		directive(name, argument, options, content, first, last, out);
	}

	private void directive(String name, String argument, Map<String, String> options, List<RstLine> content,
			RstLine first, int last, List<String> out) {
		String callout = CALLOUTS.get(name);
		if (callout != null) {
			List<RstLine> text = new ArrayList<>();
			if (!argument.isEmpty()) {
				text.add(new RstLine(first.number(), argument));
			}
			text.addAll(content);
			ignoreOptions(name, options, first);
			out.add(Markdown.callout(callout, String.join("\n\n", blocks(text, false))));
			return;
		}
		switch (name) {
			case "admonition", "seealso" -> {
				List<RstLine> text = new ArrayList<>(content);
				String title = name.equals("seealso") ? "See also" : argument;
				if (name.equals("seealso") && !argument.isEmpty()) {
					text.add(0, new RstLine(first.number(), argument));
				}
				ignoreOptions(name, options, first);
				List<String> blocks = new ArrayList<>();
				blocks.add("**" + inline.convert(title, first.number()).markdown() + "**");
				blocks.addAll(blocks(text, false));
				out.add(Markdown.callout("NOTE", String.join("\n\n", blocks)));
			}
			case "code-block", "code", "sourcecode" -> {
				String caption = options.remove("caption");
				ignoreOptions(name, options, first);
				if (caption != null && !caption.isEmpty()) {
					out.add("*" + inline.convert(caption, first.number()).markdown() + "*");
				}
				out.add(Markdown.fenced(language(argument), code(content)));
			}
			case "highlight" -> highlight = language(argument);
			case "image", "figure" -> {
				String alt = options.remove("alt");
				String target = options.remove("target");
				ignoreOptions(name, options, first);
				String address = argument.replaceAll("\\s+", "");
				String shown = alt != null ? alt : "";
				String image = "![" + Markdown.text(shown) + "](" + Markdown.url(links.resolve(address)) + ")";
				out.add(target != null ? "[" + image + "](" + Markdown.url(links.resolve(target)) + ")" : image);
				if (name.equals("figure")) {
					out.addAll(blocks(content, false));
				}
			}
			case "meta" -> description = options.getOrDefault("description", description);
			case "rubric" -> out.add("**" + inline.convert(argument, first.number()).markdown() + "**");
			case "contents" -> {
				// The category page lists its questions: a table of contents adds
				// nothing.
			}
			default -> problem(first.number(), "unknown directive '" + name + "': left out (lines " + first.number()
					+ "-" + last + "); convert it by hand");
		}
	}

	private void ignoreOptions(String directive, Map<String, String> options, RstLine first) {
		options.keySet()
			.stream()
			.filter(option -> !PRESENTATION_OPTIONS.contains(option))
			.forEach(option -> problem(first.number(),
					"option ':" + option + ":' of '" + directive + "' is not converted: left out"));
	}

	/**
	 * A Pygments lexer name as a fenced block's language; none for Sphinx's "none" and
	 * "default".
	 */
	private static String language(String argument) {
		String language = argument.strip().split("\\s+")[0];
		return language.isEmpty() || language.equals("none") || language.equals("default")
				|| !language.matches("[\\w+#.-]+") ? null : language;
	}

	private void problem(int line, String message) {
		problems.add(new Problem(source, line, message));
	}

}
