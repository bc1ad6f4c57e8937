package dev.faqkb.content;

import java.util.List;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The one Flexmark parser and renderer, built once. Both are immutable and thread-safe; a parsed
 * {@link Document} is not, so each load works on its own documents.
 */
public final class MarkdownRenderer {

	private final Parser parser;

	private final HtmlRenderer renderer;

	private final DataHolder options;

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
		// Flexmark only renders links in a node rendered on its own (not a whole Document) when this is true: the
		// flag means "not in a document", and the loader renders each answer's nodes on their own. Without it
		// every link in an answer came out as plain text.
		options.set(HtmlRenderer.DO_NOT_RENDER_LINKS, true);
		this.parser = Parser.builder(options).build();
		this.options = options.toImmutable();
		// Flexmark regenerates the heading ids of the whole document each time one node is rendered, which made
		// rendering a file answer by answer quadratic; parse() generates them once and rendering reuses them.
		this.renderer = HtmlRenderer.builder(options).htmlIdGeneratorFactory(new GeneratedIds.Factory(this.options)).build();
	}

	public Document parse(String markdown) {
		Document document = parser.parse(markdown);
		new HeaderIdGenerator(options).generateIds(document);
		return document;
	}

	/** HTML of the given top-level nodes of one document, in order. */
	public String render(List<Node> nodes) {
		StringBuilder html = new StringBuilder();
		nodes.forEach(node -> renderer.render(node, html));
		return html.toString();
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

	/** The ids {@link #parse} gave the headings, unique in their document. */
	private static final class GeneratedIds implements HtmlIdGenerator {

		private final HeaderIdGenerator forText;

		GeneratedIds(DataHolder options) {
			this.forText = new HeaderIdGenerator(options);
		}

		private record Factory(DataHolder options) implements HeaderIdGeneratorFactory {

			@Override
			public HtmlIdGenerator create(LinkResolverContext context) {
				return new GeneratedIds(context.getOptions());
			}

			@Override
			public HtmlIdGenerator create() {
				return new GeneratedIds(options);
			}

		}

		@Override
		public void generateIds(Document document) {
			// already done once, in parse()
		}

		@Override
		public String getId(Node node) {
			return node instanceof AnchorRefTarget target ? target.getAnchorRefId() : null;
		}

		@Override
		public String getId(CharSequence text) {
			return forText.getId(text);
		}

	}

}
