package dev.faqkb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.misc.Extension;

/**
 * The one Flexmark parser and HTML renderer with the site's options, built once. Both are
 * immutable and thread-safe, so one instance serves every load. This is the boundary
 * around Flexmark: what it hands out, a {@link MarkdownDocument}, takes and returns
 * strings and records only.
 */
public final class MarkdownRenderer {

	/**
	 * The class that marks an image as decorative: {@code ![](divider.png){.decorative}}
	 * needs no alt text.
	 */
	static final String DECORATIVE = "decorative";

	/**
	 * The address each link's URL as written becomes, given to the rendering of one part
	 * of a document.
	 */
	static final DataKey<Map<String, String>> LINK_TARGETS = new DataKey<>("FAQKB_LINK_TARGETS", Map.of());

	/**
	 * The files of the content folder that the rendered part's addresses name, by
	 * address.
	 */
	static final DataKey<Map<String, ServedFile>> FILES = new DataKey<>("FAQKB_FILES", Map.of());

	private final Parser parser;

	private final HtmlRenderer renderer;

	private final DataHolder options;

	public MarkdownRenderer() {
		MutableDataSet options = new MutableDataSet();
		List<Extension> rendered = List.of(TablesExtension.create(), StrikethroughExtension.create(),
				AutolinkExtension.create(), AttributesExtension.create(), AnchorLinkExtension.create(),
				TaskListExtension.create(), DefinitionExtension.create());
		// Footnotes are parsed by Flexmark's extension and rendered per answer by our own
		// (Footnotes).
		List<Extension> parsed = new ArrayList<>(rendered);
		parsed.add(FootnoteExtension.create());
		options.set(Parser.EXTENSIONS, parsed);
		// GitHub-flavoured tables: header row required, missing cells added, extra cells
		// dropped.
		options.set(TablesExtension.COLUMN_SPANS, false);
		options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
		options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
		options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
		// Headings inside answers get an id and a visible anchor link, like the questions
		// themselves.
		options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
		options.set(HtmlRenderer.RENDER_HEADER_ID, true);
		options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
		options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false);
		options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "heading-anchor");
		options.set(AnchorLinkExtension.ANCHORLINKS_TEXT_PREFIX,
				"<span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Link to this heading</span>");
		// A task's state as text for screen readers and a drawn box for the eye, instead
		// of a disabled checkbox with
		// no label, which nobody can tick and screen readers announce as an unlabelled
		// control.
		options.set(TaskListExtension.ITEM_DONE_MARKER,
				"<span class=\"task task-done\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">Done: </span>");
		options.set(TaskListExtension.ITEM_NOT_DONE_MARKER,
				"<span class=\"task\" aria-hidden=\"true\"></span><span class=\"visually-hidden\">Not done: </span>");
		this.parser = Parser.builder(options).postProcessorFactory(new Callouts.Factory()).build();
		this.options = options.toImmutable();
		// parse() gives every heading of a file its id once, so ids stay unique across
		// the answers of a category
		// page; rendering reuses them instead of numbering each answer's headings on
		// their own.
		this.renderer = HtmlRenderer.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, rendered))
			.htmlIdGeneratorFactory(new GeneratedIds.Factory(this.options))
			.linkResolverFactory(new TargetResolver.Factory())
			.attributeProviderFactory(new ImageAttributes.Factory())
			.nodeRendererFactory(renderOptions -> new Figures())
			.nodeRendererFactory(renderOptions -> new Callouts.Renderer())
			.nodeRendererFactory(renderOptions -> new Footnotes.Renderer())
			.build();
	}

	/**
	 * Parses one Markdown text, such as the body of a category file.
	 * @param firstLine the file line of the text's first line, so that blocks and links
	 * know their file lines
	 */
	MarkdownDocument parse(String markdown, int firstLine) {
		Document document = parser.parse(markdown);
		new HeaderIdGenerator(options).generateIds(document);
		return new MarkdownDocument(markdown, document, firstLine, renderer);
	}

	/**
	 * Links and images get the addresses the content check gave their URLs
	 * ({@link #LINK_TARGETS}): a link to another category, a file of the content folder.
	 * Through Flexmark's link resolver, so that links and images by reference
	 * ({@code [text][ref]}) get them too; heading anchors are no links and keep theirs.
	 */
	private record TargetResolver(Map<String, String> targets) implements LinkResolver {

		private static final class Factory extends IndependentLinkResolverFactory {

			@Override
			public LinkResolver apply(LinkResolverBasicContext context) {
				return new TargetResolver(context.getDocument().get(LINK_TARGETS));
			}

		}

		@Override
		public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
			if (!(node instanceof Link || node instanceof Image || node instanceof RefNode)) {
				return link;
			}
			String target = targets.get(link.getUrl());
			return target != null ? link.withUrl(target) : link;
		}

	}

	/**
	 * An image of the content folder gets its {@code width} and {@code height}, so the
	 * page does not move as it arrives; every image after the first of a rendered part
	 * loads lazily ({@code loading="lazy"}), as it is likely below the first screen. An
	 * image that is a figure ({@link Figures}) loses its {@code title}, which its caption
	 * shows.
	 */
	private static final class ImageAttributes implements AttributeProvider {

		private final Map<String, ServedFile> files;

		private int images;

		ImageAttributes(Map<String, ServedFile> files) {
			this.files = files;
		}

		private static final class Factory extends IndependentAttributeProviderFactory {

			@Override
			public AttributeProvider apply(LinkResolverContext context) {
				return new ImageAttributes(context.getDocument().get(FILES));
			}

		}

		@Override
		public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
			if (!(node instanceof Image || node instanceof ImageRef)) {
				return;
			}
			ServedFile file = attributes.contains("src") ? files.get(attributes.getValue("src")) : null;
			if (file != null && file.hasSize() && !attributes.contains("width") && !attributes.contains("height")) {
				attributes.replaceValue("width", String.valueOf(file.width()));
				attributes.replaceValue("height", String.valueOf(file.height()));
			}
			if (images++ > 0 && !attributes.contains("loading")) {
				attributes.replaceValue("loading", "lazy");
			}
			if (Figures.isFigure(node.getParent())) {
				attributes.remove("title");
			}
		}

	}

	/**
	 * A paragraph that is one image with a title ({@code ![alt](shot.png "Caption")}) is
	 * a {@code <figure>} with the title as its visible {@code <figcaption>}. Flexmark has
	 * no extension for this; its own paragraph rendering does the rest.
	 */
	private static final class Figures implements NodeRenderer {

		@Override
		public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
			return Set.of(new NodeRenderingHandler<>(Paragraph.class, this::render));
		}

		private void render(Paragraph paragraph, NodeRendererContext context, HtmlWriter html) {
			if (!isFigure(paragraph)) {
				context.delegateRender();
				return;
			}
			Image image = (Image) paragraph.getFirstChild();
			html.tagLine("figure");
			context.renderChildren(paragraph);
			html.line().tag("figcaption").text(image.getTitle().unescape()).closeTag("figcaption").line();
			html.closeTag("figure").line();
		}

		/**
		 * Whether {@code node} is a paragraph of one image with a title (and perhaps its
		 * {@code {attributes}}).
		 */
		static boolean isFigure(Node node) {
			if (!(node instanceof Paragraph) || !(node.getFirstChild() instanceof Image image)
					|| image.getTitle().isBlank()) {
				return false;
			}
			Node next = image.getNext();
			return next == null || next instanceof AttributesNode && next.getNext() == null;
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
