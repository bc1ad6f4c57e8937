package dev.faqkb.content;

import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Plain text of parsed Markdown, for search and snippets: markup and addresses dropped,
 * code and line structure kept, an image's alt text and caption kept.
 */
final class MarkdownText {

	// Runs of spaces and tabs (not newlines) in collected text.
	private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f]+");

	private static final Pattern TAGS = Pattern.compile("<[^>]*>");

	private MarkdownText() {
	}

	/** Plain text of the given top-level nodes, separated by blank lines. */
	static String of(List<Node> nodes) {
		StringBuilder text = new StringBuilder();
		for (Node node : nodes) {
			StringBuilder block = new StringBuilder();
			collect(node, block);
			String clean = SPACES.matcher(block.toString().strip()).replaceAll(" ");
			if (!clean.isEmpty()) {
				text.append(text.isEmpty() ? "" : "\n\n").append(clean);
			}
		}
		return text.toString();
	}

	/** Plain text of a heading, without its {@code {#id .class}} attributes. */
	static String of(Heading heading) {
		StringBuilder text = new StringBuilder();
		collect(heading, text);
		return SPACES.matcher(text.toString().strip()).replaceAll(" ");
	}

	// Our own walk rather than Flexmark's TextCollectingVisitor, which fails its own
	// assertions on some
	// inputs (seen on the Python FAQ) and keeps no line structure for code.
	private static void collect(Node node, StringBuilder out) {
		if (node instanceof AttributesNode || node instanceof Footnote) {
			return; // a footnote reference's label is no text; the note itself is
		}
		if (node instanceof Text || node instanceof TextBase) {
			if (!node.hasChildren()) {
				out.append(node.getChars().unescape());
				return;
			}
		}
		if (node instanceof Code code) {
			out.append(code.getText().toString());
		}
		else if (node instanceof AutoLink link) {
			out.append(link.getText());
		}
		else if (node instanceof MailLink link) {
			out.append(link.getText());
		}
		else if (node instanceof Image image) {
			// An image is its alt text and its caption, which readers search for too;
			// never its address.
			image.getChildren().forEach(child -> collect(child, out));
			if (!image.getTitle().isBlank()) {
				out.append(' ').append(image.getTitle().unescape());
			}
		}
		else if (node instanceof HtmlEntity entity) {
			out.append(entity.getChars().unescape());
		}
		else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
			out.append(' ');
		}
		else if (node instanceof FencedCodeBlock code) {
			out.append(code.getContentChars()).append('\n');
		}
		else if (node instanceof IndentedCodeBlock code) {
			out.append(code.getContentChars()).append('\n');
		}
		else if (node instanceof HtmlBlock || node instanceof HtmlInline || node instanceof HtmlCommentBlock) {
			out.append(TAGS.matcher(node.getChars()).replaceAll(" "));
		}
		else {
			for (Node child : node.getChildren()) {
				collect(child, out);
			}
			if (node instanceof Block) {
				out.append('\n');
			}
			else if (node instanceof TableCell) {
				out.append(' ');
			}
		}
	}

}
