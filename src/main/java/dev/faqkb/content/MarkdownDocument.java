package dev.faqkb.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * One parsed Markdown text (the body of a category file): its top-level blocks as
 * {@link MarkdownBlock} records, and the HTML and plain text of any of them. Not
 * thread-safe: it wraps a Flexmark document, which rendering changes, so one load uses it
 * from one thread and renders each block at most once.
 */
final class MarkdownDocument {

	private final String markdown;

	private final Document document;

	private final HtmlRenderer renderer;

	private final int firstLine;

	// Offsets of the text's line breaks: Flexmark's getStartLineNumber() counts them from
	// the start on each call.
	private final int[] newlines;

	// The top-level nodes, in order: a block's index is its node's position here.
	private final List<Node> nodes = new ArrayList<>();

	private final List<MarkdownBlock> blocks;

	MarkdownDocument(String markdown, Document document, int firstLine, HtmlRenderer renderer) {
		this.markdown = markdown;
		this.document = document;
		this.renderer = renderer;
		this.firstLine = firstLine;
		this.newlines = IntStream.range(0, markdown.length()).filter(i -> markdown.charAt(i) == '\n').toArray();
		List<MarkdownBlock> blocks = new ArrayList<>();
		for (Node node : document.getChildren()) {
			blocks.add(new MarkdownBlock(nodes.size(), line(node), node.getStartOffset(), node.getEndOffset(),
					node instanceof Heading heading ? heading(heading) : null, linksIn(node), footnotesIn(node),
					unknownCalloutsIn(node)));
			nodes.add(node);
		}
		this.blocks = List.copyOf(blocks);
	}

	List<MarkdownBlock> blocks() {
		return blocks;
	}

	/** The text as parsed, which the blocks' offsets point into. */
	String markdown() {
		return markdown;
	}

	/**
	 * HTML of the given blocks, in order. The blocks move into a document of their own,
	 * since Flexmark renders links and heading anchors only when rendering a whole
	 * document; it shares this one's data, so reference links still resolve.
	 * @param scope unique among the parts shown on one page (a question's id), for the
	 * ids of its footnotes
	 * @param linkTargets address for a link's or image's URL as written; links not in it
	 * are rendered as written
	 * @param files the files of the content folder that the addresses name, by address:
	 * images get their size
	 * @throws IllegalStateException when a block was rendered before
	 */
	String html(List<MarkdownBlock> part, String scope, Map<String, String> linkTargets,
			Map<String, ServedFile> files) {
		if (part.isEmpty()) {
			return "";
		}
		Document rendered = new Document(document, document.getChars());
		for (MarkdownBlock block : part) {
			Node node = nodes.get(block.index());
			if (node.getDocument() != document) {
				throw new IllegalStateException("block on line " + block.line() + " was rendered before");
			}
			node.unlink();
			rendered.appendChild(node);
		}
		rendered.set(Footnotes.SCOPE, scope);
		rendered.set(MarkdownRenderer.LINK_TARGETS, linkTargets);
		rendered.set(MarkdownRenderer.FILES, files);
		return renderer.render(rendered);
	}

	/** Plain text of the given blocks, separated by blank lines. */
	String text(List<MarkdownBlock> part) {
		return MarkdownText.of(part.stream().map(block -> nodes.get(block.index())).toList());
	}

	/**
	 * Every link and image in {@code top}, inline or by a reference that is defined (an
	 * undefined one is shown as the text it is), with the URL as the renderer's link
	 * resolver gets it.
	 */
	private List<MarkdownBlock.Link> linksIn(Node top) {
		List<MarkdownBlock.Link> links = new ArrayList<>();
		link(top, links);
		top.getDescendants().forEach(node -> link(node, links));
		return links;
	}

	private void link(Node node, List<MarkdownBlock.Link> links) {
		if (node instanceof Link link) {
			links.add(new MarkdownBlock.Link(link.getUrl().unescape(), line(link)));
		}
		else if (node instanceof Image image) {
			links.add(new MarkdownBlock.Link(image.getUrl().unescape(), line(image), true,
					MarkdownText.of(List.of(image)), decorative(image)));
		}
		else if (node instanceof RefNode ref && (ref instanceof LinkRef || ref instanceof ImageRef)) {
			Reference reference = ref.isDefined() ? ref.getReferenceNode(document) : null;
			if (reference != null) {
				links.add(ref instanceof ImageRef
						? new MarkdownBlock.Link(reference.getUrl().unescape(), line(ref), true,
								MarkdownText.of(List.of(ref)), decorative(ref))
						: new MarkdownBlock.Link(reference.getUrl().unescape(), line(ref)));
			}
		}
	}

	private List<MarkdownBlock.Footnote> footnotesIn(Node top) {
		List<MarkdownBlock.Footnote> footnotes = new ArrayList<>();
		List<Node> all = new ArrayList<>(List.of(top));
		top.getDescendants().forEach(all::add);
		for (Node node : all) {
			if (node instanceof Footnote reference) {
				footnotes.add(new MarkdownBlock.Footnote(Footnotes.label(reference.getText()), line(reference), false));
			}
			else if (node instanceof FootnoteBlock definition) {
				footnotes
					.add(new MarkdownBlock.Footnote(Footnotes.label(definition.getText()), line(definition), true));
			}
		}
		return footnotes;
	}

	/**
	 * The quotes in {@code top} that start with a callout marker of no known type
	 * ({@code > [!WARN]}).
	 */
	private List<MarkdownBlock.Marker> unknownCalloutsIn(Node top) {
		List<MarkdownBlock.Marker> markers = new ArrayList<>();
		List<Node> all = new ArrayList<>(List.of(top));
		top.getDescendants().forEach(all::add);
		for (Node node : all) {
			String type = node instanceof BlockQuote quote ? Callouts.marker(quote) : null;
			if (type != null && !Callouts.TYPES.containsKey(type)) {
				markers.add(new MarkdownBlock.Marker(type, line(node)));
			}
		}
		return markers;
	}

	/** Whether an image is followed by {@code {.decorative}}. */
	private static boolean decorative(Node image) {
		if (!(image.getNext() instanceof AttributesNode attributes)) {
			return false;
		}
		for (Node item : attributes.getChildren()) {
			if (item instanceof AttributeNode attribute && attribute.isClass()
					&& attribute.getValue().toString().equals(MarkdownRenderer.DECORATIVE)) {
				return true;
			}
		}
		return false;
	}

	private int line(Node node) {
		return lineAt(node.getStartOffset());
	}

	/** The file line of the character at {@code offset} in the parsed text. */
	int lineAt(int offset) {
		int search = Arrays.binarySearch(newlines, offset);
		int newlinesBefore = search >= 0 ? search : -search - 1;
		return firstLine + newlinesBefore;
	}

	/** A heading's text and the {@code {#id .class}} block at its end. */
	private static MarkdownBlock.Heading heading(Heading heading) {
		String id = null;
		Set<String> classes = new LinkedHashSet<>();
		for (Node child : heading.getChildren()) {
			if (child instanceof AttributesNode attributes) {
				for (Node item : attributes.getChildren()) {
					if (item instanceof AttributeNode attribute) {
						if (attribute.isId()) {
							id = attribute.getValue().toString();
						}
						else if (attribute.isClass()) {
							classes.add(attribute.getValue().toString());
						}
					}
				}
			}
		}
		return new MarkdownBlock.Heading(heading.getLevel(), MarkdownText.of(heading), id, classes);
	}

}
