package dev.faqkb.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.PhasedNodeRenderer;
import com.vladsch.flexmark.html.renderer.RenderingPhase;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataKey;

/**
 * Footnotes ({@code claim[^1]} and {@code [^1]: source}) that belong to the answer they
 * are written in: numbered from 1 in each answer, listed at its end, with ids that name
 * the answer, so that the answers on one category page never share one. Flexmark's
 * footnote extension parses them; its renderer is not used, as it numbers and lists a
 * file's footnotes once per document, and an answer is rendered as a part of its file.
 */
final class Footnotes {

	/**
	 * What makes the ids of one rendered part's footnotes unique on a page: its
	 * question's id.
	 */
	static final DataKey<String> SCOPE = new DataKey<>("FAQKB_FOOTNOTE_SCOPE", "part");

	private Footnotes() {
	}

	/**
	 * A footnote's label as it is matched: {@code [^Note]} and {@code [^note]} are the
	 * same.
	 */
	static String label(CharSequence text) {
		return text.toString().strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Adds an error for each footnote of one answer (or intro) that has no definition in
	 * it, each definition it does not use, and each label defined twice.
	 */
	static void check(List<MarkdownBlock> part, Path file, List<ContentError> errors) {
		Map<String, MarkdownBlock.Footnote> definitions = new HashMap<>();
		Set<String> used = new LinkedHashSet<>();
		List<MarkdownBlock.Footnote> references = new ArrayList<>();
		for (MarkdownBlock block : part) {
			for (MarkdownBlock.Footnote footnote : block.footnotes()) {
				if (!footnote.definition()) {
					references.add(footnote);
					used.add(footnote.label());
				}
				else if (definitions.putIfAbsent(footnote.label(), footnote) != null) {
					errors.add(new ContentError(file, footnote.line(),
							"footnote [^" + footnote.label()
									+ "] is defined twice in this answer; the first is on line "
									+ definitions.get(footnote.label()).line()));
				}
			}
		}
		for (MarkdownBlock.Footnote reference : references) {
			if (!definitions.containsKey(reference.label())) {
				errors.add(new ContentError(file, reference.line(),
						"footnote [^" + reference.label() + "] has no definition in this answer: add a line '[^"
								+ reference.label() + "]: ...' to it (footnotes belong to the answer they are in)"));
			}
		}
		definitions.values()
			.stream()
			.filter(definition -> !used.contains(definition.label()))
			.forEach(definition -> errors
				.add(new ContentError(file, definition.line(), "footnote [^" + definition.label()
						+ "] is not used in this answer (footnotes belong to the answer they are in)")));
	}

	/**
	 * Writes each reference as a superscript number linking to its note, and after the
	 * part the notes it used, in order of first use, each linking back. Made per rendered
	 * part.
	 */
	static final class Renderer implements PhasedNodeRenderer {

		private final List<FootnoteBlock> order = new ArrayList<>();

		private final Map<FootnoteBlock, Integer> references = new HashMap<>();

		private Map<String, FootnoteBlock> definitions;

		@Override
		public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
			return Set.of(new NodeRenderingHandler<>(Footnote.class, this::reference),
					new NodeRenderingHandler<>(FootnoteBlock.class, (definition, context, html) -> {
						// listed at the end of the part
					}));
		}

		@Override
		public Set<RenderingPhase> getRenderingPhases() {
			return Set.of(RenderingPhase.BODY_BOTTOM);
		}

		private void reference(Footnote footnote, NodeRendererContext context, HtmlWriter html) {
			FootnoteBlock definition = definitions(context.getDocument()).get(label(footnote.getText()));
			if (definition == null) {
				// the content check has reported it; shown as written
				html.text("[^" + footnote.getText() + "]");
				return;
			}
			if (!order.contains(definition)) {
				order.add(definition);
			}
			int number = order.indexOf(definition) + 1;
			int times = references.merge(definition, 1, Integer::sum);
			String scope = context.getDocument().get(SCOPE);
			html.attr("class", "footnote-ref").withAttr().tag("sup");
			html.attr("href", "#fn-" + scope + "-" + number)
				.attr("id", "fnref-" + scope + "-" + number + (times > 1 ? "-" + times : ""))
				.withAttr()
				.tag("a");
			html.attr("class", "visually-hidden").withAttr().tag("span").text("Footnote ").closeTag("span");
			html.text(String.valueOf(number)).closeTag("a").closeTag("sup");
		}

		@Override
		public void renderDocument(NodeRendererContext context, HtmlWriter html, Document document,
				RenderingPhase phase) {
			if (phase != RenderingPhase.BODY_BOTTOM || order.isEmpty()) {
				return;
			}
			String scope = document.get(SCOPE);
			html.attr("class", "footnotes").attr("aria-label", "Footnotes").withAttr().tagLine("ol");
			// By index: a note may refer to another note, which joins the list as it is
			// rendered.
			for (int i = 0; i < order.size(); i++) {
				int number = i + 1;
				html.attr("id", "fn-" + scope + "-" + number).withAttr().tagLine("li");
				context.renderChildren(order.get(i));
				html.attr("href", "#fnref-" + scope + "-" + number).attr("class", "footnote-back").withAttr().tag("a");
				html.attr("aria-hidden", "true").withAttr().tag("span").raw("&#8617;").closeTag("span");
				html.attr("class", "visually-hidden")
					.withAttr()
					.tag("span")
					.text("Back to the text of footnote " + number)
					.closeTag("span");
				html.closeTag("a").line();
				html.closeTag("li").line();
			}
			html.closeTag("ol").line();
		}

		/** The part's own definitions, by label; the first of two with one label. */
		private Map<String, FootnoteBlock> definitions(Document document) {
			if (definitions == null) {
				definitions = new LinkedHashMap<>();
				document.getDescendants().forEach(node -> {
					if (node instanceof FootnoteBlock definition) {
						definitions.putIfAbsent(label(definition.getText()), definition);
					}
				});
			}
			return definitions;
		}

	}

}
