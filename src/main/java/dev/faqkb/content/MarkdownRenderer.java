package dev.faqkb.content;

import java.util.List;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
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
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The one Flexmark parser and HTML renderer with the site's options, built once. Both are immutable and
 * thread-safe, so one instance serves every load. This is the boundary around Flexmark: what it hands out,
 * a {@link MarkdownDocument}, takes and returns strings and records only.
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
		this.parser = Parser.builder(options).build();
		this.options = options.toImmutable();
		// parse() gives every heading of a file its id once, so ids stay unique across the answers of a category
		// page; rendering reuses them instead of numbering each answer's headings on their own.
		this.renderer = HtmlRenderer.builder(options).htmlIdGeneratorFactory(new GeneratedIds.Factory(this.options)).build();
	}

	/**
	 * Parses one Markdown text, such as the body of a category file.
	 *
	 * @param firstLine the file line of the text's first line, so that blocks and links know their file lines
	 */
	MarkdownDocument parse(String markdown, int firstLine) {
		Document document = parser.parse(markdown);
		new HeaderIdGenerator(options).generateIds(document);
		return new MarkdownDocument(markdown, document, firstLine, renderer);
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
