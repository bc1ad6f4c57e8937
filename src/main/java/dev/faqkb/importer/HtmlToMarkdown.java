package dev.faqkb.importer;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.html2md.converter.HtmlNodeRendererHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An answer's HTML (from a web page or a spreadsheet cell) as the Markdown we render:
 * jsoup cleans it to a safelist (no scripts, styles, frames, forms or event handlers),
 * makes links and images absolute, then Flexmark's own converter writes the Markdown.
 * Content that cleaning drops is reported. The converter and the safelist are built once;
 * thread-safe.
 */
final class HtmlToMarkdown {

	// Everything a Markdown answer can say, and code's "language-x" class, which becomes
	// the fence's language.
	private static final Safelist SAFE = Safelist.relaxed()
		.addTags("hr", "del", "s", "kbd")
		.addAttributes("code", "class")
		.preserveRelativeLinks(true);

	// Elements whose content cleaning drops rather than unwraps: reported, since the
	// reader would miss them.
	private static final String DROPPED = "script, style, iframe, frame, object, embed, video, audio, form, input, button, "
			+ "select, textarea, svg, canvas, noscript, template, math";

	private static final FlexmarkHtmlConverter CONVERTER = FlexmarkHtmlConverter
		.builder(new MutableDataSet().set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
			.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
			.set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-')
			.set(FlexmarkHtmlConverter.MAX_TRAILING_BLANK_LINES, 0)
			.set(FlexmarkHtmlConverter.MAX_BLANK_LINES, 1))
		.htmlNodeRendererFactory(options -> () -> Set.of(emphasis("b", "**"), emphasis("strong", "**"),
				emphasis("i", "*"), emphasis("em", "*")))
		.build();

	// Stands for a backslash the converter must not escape: a noncharacter, which never
	// occurs in text to convert.
	private static final char ESCAPE = '\uFDD0';

	// Text that would start a Markdown block at the start of a line, which the converter
	// leaves as it is.
	private static final Pattern BLOCK_START = Pattern
		.compile("^\\s*(#{1,6}(\\s|$)|>|[-+](\\s|$)|[0-9]{1,9}[.)](\\s|$)|=+\\s*$)");

	private HtmlToMarkdown() {
	}

	/**
	 * @param baseUri the address relative links and images are resolved against, or
	 * {@code null} to keep them as written (and report them)
	 * @param what what the HTML is, for messages ("the answer to 'How?'")
	 */
	static String convert(String html, String baseUri, String source, int line, String what, List<Problem> problems) {
		Document dirty = Jsoup.parseBodyFragment(html.replace(String.valueOf(ESCAPE), ""),
				baseUri == null ? "" : baseUri);
		Map<String, Integer> dropped = new TreeMap<>();
		for (Element element : dirty.body().select(DROPPED)) {
			dropped.merge("<" + element.normalName() + ">", 1, Integer::sum);
		}
		if (!dropped.isEmpty()) {
			problems.add(new Problem(source, line, what + ": " + String.join(", ", dropped.keySet())
					+ " left out (cannot be shown in Markdown, or unsafe)"));
		}
		absolute(dirty, "a", "href", baseUri, source, line, what, problems);
		absolute(dirty, "img", "src", baseUri, source, line, what, problems);
		Document clean = new Cleaner(SAFE).clean(dirty);
		// As written: pretty-printing would add line breaks, which the converter reads as
		// spaces ("**card** ;").
		clean.outputSettings().prettyPrint(false);
		NodeTraversor.traverse(new Escapes(), clean.body());
		String markdown = CONVERTER.convert(clean.body().html());
		return markdown.replace(ESCAPE, '\\').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	/**
	 * Emphasis as the converter writes it, except for the space it puts after it whenever
	 * an element follows somewhere later in the paragraph ("**card** ; see [it](...)"):
	 * only an element right after it needs one.
	 */
	private static HtmlNodeRendererHandler<Element> emphasis(String tag, String marker) {
		return new HtmlNodeRendererHandler<>(tag, Element.class,
				(element, context, out) -> context.wrapTextNodes(element, out.isPreFormatted() ? "" : marker,
						!out.isPreFormatted() && element.nextSibling() instanceof Element));
	}

	/**
	 * Makes each address absolute against {@code baseUri}; without one, reports the
	 * relative ones.
	 */
	private static void absolute(Document document, String tag, String attribute, String baseUri, String source,
			int line, String what, List<Problem> problems) {
		int relative = 0;
		for (Element element : document.body().select(tag + "[" + attribute + "]")) {
			String address = element.attr(attribute).strip();
			if (isAbsolute(address)) {
				continue;
			}
			if (baseUri != null) {
				element.attr(attribute, element.absUrl(attribute));
			}
			else {
				relative++;
			}
		}
		if (relative > 0) {
			problems.add(new Problem(source, line, what + ": " + relative + " relative "
					+ (tag.equals("a") ? "link" : "image")
					+ " address(es) kept as written; give --base-url (the page's address) to make them absolute"));
		}
	}

	private static boolean isAbsolute(String address) {
		try {
			return URI.create(address.replace(" ", "%20")).isAbsolute();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Marks what the converter would leave for Markdown to read as syntax: braces
	 * (attributes in our Markdown) and a block start at the beginning of a line.
	 */
	private static final class Escapes implements NodeVisitor {

		@Override
		public void head(Node node, int depth) {
			if (!(node instanceof TextNode text) || inCode(text)) {
				return;
			}
			String value = text.getWholeText().replace("{", ESCAPE + "{").replace("}", ESCAPE + "}");
			if (startsLine(text) && BLOCK_START.matcher(value).find()) {
				int at = 0;
				while (at < value.length() && Character.isWhitespace(value.charAt(at))) {
					at++;
				}
				if (Character.isDigit(value.charAt(at))) {
					while (Character.isDigit(value.charAt(at))) {
						at++;
					}
				}
				value = value.substring(0, at) + ESCAPE + value.substring(at);
			}
			text.text(value);
		}

		private static boolean inCode(Node node) {
			for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
				if (parent instanceof Element element
						&& (element.normalName().equals("pre") || element.normalName().equals("code"))) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Whether nothing but whitespace comes before the text in its block, or a line
		 * break does.
		 */
		private static boolean startsLine(TextNode text) {
			Node node = text;
			while (node != null) {
				Node previous = node.previousSibling();
				while (previous instanceof TextNode blank && blank.isBlank()) {
					previous = previous.previousSibling();
				}
				if (previous != null) {
					return previous instanceof Element element && element.normalName().equals("br");
				}
				Node parent = node.parent();
				if (!(parent instanceof Element element) || element.isBlock()) {
					return true;
				}
				node = parent;
			}
			return true;
		}

	}

}
