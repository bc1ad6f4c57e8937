package dev.faqkb.content;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Callouts in GitHub's syntax: a quote whose first line is {@code [!NOTE]},
 * {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]} or {@code [!CAUTION]} (in any
 * case) is a labelled note: <pre>
 * &lt;div class="callout callout-note" role="note"&gt;
 * &lt;p class="callout-title"&gt;Note&lt;/p&gt;
 * ...
 * &lt;/div&gt;
 * </pre> Written here because Flexmark 0.64.8 predates GitHub's alerts, and its
 * admonition extension has another syntax ({@code !!! note}): a parse step turns such a
 * quote into a {@link Callout}, and a renderer writes it.
 */
final class Callouts {

	/**
	 * Each type's marker (upper case, as GitHub writes it) and the title shown, in
	 * GitHub's order.
	 */
	static final Map<String, String> TYPES = types();

	private Callouts() {
	}

	private static Map<String, String> types() {
		Map<String, String> types = new LinkedHashMap<>();
		types.put("NOTE", "Note");
		types.put("TIP", "Tip");
		types.put("IMPORTANT", "Important");
		types.put("WARNING", "Warning");
		types.put("CAUTION", "Caution");
		return Collections.unmodifiableMap(types);
	}

	/** A callout: the quote's blocks, without the marker line. */
	static final class Callout extends Block {

		private final String type;

		Callout(BasedSequence chars, String type) {
			super(chars);
			this.type = type;
		}

		/** Its type, upper case: a key of {@link #TYPES}. */
		String type() {
			return type;
		}

		@Override
		public BasedSequence[] getSegments() {
			return EMPTY_SEGMENTS;
		}

	}

	/**
	 * The marker a quote starts with on a line of its own ({@code NOTE} for
	 * {@code [!note]}), whether it is one of the five or not, or {@code null} when it
	 * starts with none.
	 */
	static String marker(BlockQuote quote) {
		if (!(quote.getFirstChild() instanceof Paragraph first) || !(first.getFirstChild() instanceof LinkRef ref)
				|| !ref.isReferenceTextCombined() || ref.isDefined()) {
			return null;
		}
		String reference = ref.getReference().toString();
		Node after = ref.getNext();
		boolean ownLine = after == null || after instanceof SoftLineBreak || after instanceof HardLineBreak;
		return ownLine && reference.matches("![A-Za-z]+") ? reference.substring(1).toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * Adds an error for each quote in {@code part} that starts like a callout of a type
	 * there is not.
	 */
	static void check(List<MarkdownBlock> part, Path file, List<ContentError> errors) {
		for (MarkdownBlock block : part) {
			for (MarkdownBlock.Marker marker : block.unknownCallouts()) {
				errors
					.add(new ContentError(file, marker.line(), "[!" + marker.type() + "] is no callout: the types are "
							+ TYPES.keySet().stream().map(type -> "[!" + type + "]").collect(Collectors.joining(", "))
							+ " (another is shown as a quote, with its marker)"));
			}
		}
	}

	/**
	 * Turns each quote that starts with a known marker into a {@link Callout}, the marker
	 * line dropped.
	 */
	static final class Factory extends NodePostProcessorFactory {

		Factory() {
			super(false);
			addNodes(BlockQuote.class);
		}

		@Override
		public NodePostProcessor apply(Document document) {
			return new NodePostProcessor() {

				@Override
				public void process(NodeTracker state, Node node) {
					String type = node instanceof BlockQuote quote ? marker(quote) : null;
					if (type == null || !TYPES.containsKey(type)) {
						return;
					}
					Paragraph first = (Paragraph) node.getFirstChild();
					Node marker = first.getFirstChild();
					if (marker.getNext() != null) {
						marker.getNext().unlink();
					}
					marker.unlink();
					if (!first.hasChildren()) {
						first.unlink();
					}
					Callout callout = new Callout(node.getChars(), type);
					callout.takeChildren(node);
					node.insertBefore(callout);
					node.unlink();
					state.nodeRemoved(node);
					state.nodeAddedWithDescendants(callout);
				}

			};
		}

	}

	/**
	 * Writes a {@link Callout}: a {@code role="note"} box whose first line, its title,
	 * says its type.
	 */
	static final class Renderer implements NodeRenderer {

		@Override
		public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
			return Set.of(new NodeRenderingHandler<>(Callout.class, Renderer::render));
		}

		private static void render(Callout callout, NodeRendererContext context, HtmlWriter html) {
			String type = callout.type().toLowerCase(Locale.ROOT);
			html.attr("class", "callout callout-" + type).attr("role", "note").withAttr().tagLine("div");
			html.attr("class", "callout-title")
				.withAttr()
				.tag("p")
				.text(TYPES.get(callout.type()))
				.closeTag("p")
				.line();
			context.renderChildren(callout);
			html.closeTag("div").line();
		}

	}

}
