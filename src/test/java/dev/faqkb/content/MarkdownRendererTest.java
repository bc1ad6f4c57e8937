package dev.faqkb.content;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MarkdownRendererTest {

	private final MarkdownRenderer markdown = new MarkdownRenderer();

	private String html(String text) {
		MarkdownDocument document = markdown.parse(text, 1);
		return document.html(document.blocks(), "answer", Map.of(), Map.of());
	}

	private String text(String text) {
		MarkdownDocument document = markdown.parse(text, 1);
		return document.text(document.blocks());
	}

	@Test
	void headingsInsideAnswersGetAnIdAndAnAccessibleAnchor() {
		assertThat(html("### Step one\n")).isEqualTo(
				"<h3 id=\"step-one\"><a href=\"#step-one\" class=\"heading-anchor\"><span aria-hidden=\"true\">#</span>"
						+ "<span class=\"visually-hidden\">Link to this heading</span></a>Step one</h3>\n");
	}

	@Test
	void linksAndAutolinksAreRendered() {
		assertThat(html("See [docs](https://a.example) or https://b.example.\n")).isEqualTo(
				"<p>See <a href=\"https://a.example\">docs</a> or <a href=\"https://b.example\">https://b.example</a>.</p>\n");
	}

	@Test
	void referenceLinksResolveWhenRenderedApartFromTheirDocument() {
		MarkdownDocument document = markdown.parse("Read [the guide][g].\n\n[g]: https://guide.example\n", 1);
		assertThat(document.html(document.blocks().subList(0, 1), "answer", Map.of(), Map.of()))
			.isEqualTo("<p>Read <a href=\"https://guide.example\">the guide</a>.</p>\n");
	}

	@Test
	void linksAreRenderedWithTheTargetGivenForTheirUrl() {
		MarkdownDocument document = markdown.parse("See [ports](setup.md#ports) and [the guide](guide.pdf).\n", 1);
		assertThat(document.html(document.blocks(), "answer", Map.of("setup.md#ports", "/faq/setup#ports"), Map.of()))
			.isEqualTo("<p>See <a href=\"/faq/setup#ports\">ports</a> and <a href=\"guide.pdf\">the guide</a>.</p>\n");
	}

	@Test
	void plainTextKeepsCodeAndDropsMarkupAndTags() {
		assertThat(text("Use `x < y` **now** <b>please</b> &amp; go.\n\n```\ncode\n```\n"))
			.isEqualTo("Use x < y now please & go.\n\ncode");
	}

	@Test
	void headingTextLeavesOutAttributes() {
		MarkdownBlock block = markdown.parse("## Is *this* `it`? {#this-one .draft}\n", 1).blocks().get(0);
		assertThat(block.heading()).isEqualTo(new MarkdownBlock.Heading(2, "Is this it?", "this-one", Set.of("draft")));
	}

	@Test
	void blocksAndLinksKnowTheirFileLines() {
		List<MarkdownBlock> blocks = markdown
			.parse("Intro, see [a](a.md).\n\n## Question\n\nAnswer on\ntwo lines [b](#b).\n", 5)
			.blocks();
		assertThat(blocks).extracting(MarkdownBlock::line).containsExactly(5, 7, 9);
		assertThat(blocks.get(0).links()).containsExactly(new MarkdownBlock.Link("a.md", 5));
		assertThat(blocks.get(1).heading().text()).isEqualTo("Question");
		assertThat(blocks.get(2).heading()).isNull();
		assertThat(blocks.get(2).links()).containsExactly(new MarkdownBlock.Link("#b", 10));
	}

	@Test
	void blockOffsetsPointIntoTheTextAsWritten() {
		MarkdownDocument document = markdown.parse("## Q\n\nSee [b](#b)\n", 1);
		MarkdownBlock answer = document.blocks().get(1);
		assertThat(document.markdown().substring(answer.start(), answer.end())).isEqualTo("See [b](#b)\n");
	}

	@Test
	void aBlockIsRenderedOnlyOnce() {
		MarkdownDocument document = markdown.parse("Once.\n", 1);
		document.html(document.blocks(), "answer", Map.of(), Map.of());
		assertThatIllegalStateException()
			.isThrownBy(() -> document.html(document.blocks(), "answer", Map.of(), Map.of()))
			.withMessage("block on line 1 was rendered before");
	}

}
