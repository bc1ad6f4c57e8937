package dev.faqkb.content;

import java.util.List;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The one Flexmark parser and renderer, built once. Both are immutable and thread-safe; a parsed
 * {@link Document} is not, so each load works on its own documents.
 */
public final class MarkdownRenderer {

	// Runs of spaces and tabs (not newlines) in collected text.
	private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f]+");

	private static final Pattern TAGS = Pattern.compile("<[^>]*>");

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
		this.parser = Parser.builder(options).build();
		this.options = options.toImmutable();
		// parse() gives every heading of a file its id once, so ids stay unique across the answers of a category
		// page; rendering reuses them instead of numbering each answer's headings on their own.
		this.renderer = HtmlRenderer.builder(options).htmlIdGeneratorFactory(new GeneratedIds.Factory(this.options)).build();
	}

	public Document parse(String markdown) {
		Document document = parser.parse(markdown);
		new HeaderIdGenerator(options).generateIds(document);
		return document;
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

	/** Plain text of the given top-level nodes, separated by blank lines. */
	public String text(List<Node> nodes) {
		StringBuilder text = new StringBuilder();
		for (Node node : nodes) {
			StringBuilder block = new StringBuilder();
			collectText(node, block);
			String clean = SPACES.matcher(block.toString().strip()).replaceAll(" ");
			if (!clean.isEmpty()) {
				text.append(text.isEmpty() ? "" : "\n\n").append(clean);
			}
		}
		return text.toString();
	}

	/** Plain text of a heading, without its {@code {#id .class}} attributes. */
	public String headingText(Heading heading) {
		StringBuilder text = new StringBuilder();
		collectText(heading, text);
		return SPACES.matcher(text.toString().strip()).replaceAll(" ");
	}

	// Our own walk rather than Flexmark's TextCollectingVisitor, which fails its own assertions on some
	// inputs (seen on the Python FAQ) and keeps no line structure for code.
	private static void collectText(Node node, StringBuilder out) {
		if (node instanceof AttributesNode) {
			return;
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
				collectText(child, out);
			}
			if (node instanceof Block) {
				out.append('\n');
			}
			else if (node instanceof TableCell) {
				out.append(' ');
			}
		}
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
