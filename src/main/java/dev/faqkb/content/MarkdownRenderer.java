package dev.faqkb.content;

import java.util.List;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The one Flexmark parser and renderer, built once. Both are immutable and thread-safe; a parsed
 * {@link Document} is not, so each load works on its own documents.
 */
public final class MarkdownRenderer {

	private final Parser parser;

	private final HtmlRenderer renderer;

	public MarkdownRenderer() {
		MutableDataSet options = new MutableDataSet();
		options.set(Parser.EXTENSIONS,
				List.of(TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create(),
						AttributesExtension.create(), AnchorLinkExtension.create()));
		// GitHub-flavoured tables: header row required, missing cells added, extra cells dropped.
		options.set(TablesExtension.COLUMN_SPANS, false);
		options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
		options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
		options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
		// Headings inside answers get an id and a visible anchor link, like the questions themselves.
		options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
		options.set(HtmlRenderer.RENDER_HEADER_ID, true);
		options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
		options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false);
		options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "heading-anchor");
		options.set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX,
				"<span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Link to this heading</span>");
		this.parser = Parser.builder(options).build();
		this.renderer = HtmlRenderer.builder(options).build();
	}

	public Document parse(String markdown) {
		return parser.parse(markdown);
	}

	/**
	 * HTML of the given top-level nodes of one document, in order. The nodes move into a document of
	 * their own: Flexmark renders links and heading anchors only when rendering a whole document. The
	 * new document shares the source's data, so reference links still resolve.
	 */
	public String render(List<Node> nodes) {
		if (nodes.isEmpty()) {
			return "";
		}
		Document source = nodes.get(0).getDocument();
		Document part = new Document(source, source.getChars());
		nodes.forEach(node -> {
			node.unlink();
			part.appendChild(node);
		});
		return renderer.render(part);
	}

	/** Plain text of the given nodes, blocks separated by blank lines. */
	public String text(List<Node> nodes) {
		StringBuilder text = new StringBuilder();
		for (Node node : nodes) {
			String block = new TextCollectingVisitor().collectAndGetText(node).strip();
			if (!block.isEmpty()) {
				text.append(text.isEmpty() ? "" : "\n\n").append(block);
			}
		}
		return text.toString();
	}

	/** Plain text of a heading, without its {@code {#id .class}} attributes. */
	public String headingText(Heading heading) {
		StringBuilder text = new StringBuilder();
		for (Node child : heading.getChildren()) {
			if (!(child instanceof AttributesNode)) {
				text.append(new TextCollectingVisitor().collectAndGetText(child));
			}
		}
		return text.toString().strip();
	}

}
