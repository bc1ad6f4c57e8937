package dev.faqkb.content;

import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

	private final MarkdownRenderer markdown = new MarkdownRenderer();

	private List<Node> nodes(String text) {
		Document document = markdown.parse(text);
		List<Node> nodes = new ArrayList<>();
		document.getChildren().forEach(nodes::add);
		return nodes;
	}

	@Test
	void headingsInsideAnswersGetAnIdAndAnAccessibleAnchor() {
		assertThat(markdown.render(nodes("### Step one\n"))).isEqualTo(
				"<h3 id=\"step-one\"><a href=\"#step-one\" class=\"heading-anchor\"><span aria-hidden=\"true\">#</span>"
						+ "<span class=\"visually-hidden\">Link to this heading</span></a>Step one</h3>\n");
	}

	@Test
	void linksAndAutolinksAreRendered() {
		assertThat(markdown.render(nodes("See [docs](https://a.example) or https://b.example.\n"))).isEqualTo(
				"<p>See <a href=\"https://a.example\">docs</a> or <a href=\"https://b.example\">https://b.example</a>.</p>\n");
	}

	@Test
	void referenceLinksResolveWhenRenderedApartFromTheirDocument() {
		List<Node> nodes = nodes("Read [the guide][g].\n\n[g]: https://guide.example\n");
		assertThat(markdown.render(nodes.subList(0, 1))).isEqualTo("<p>Read <a href=\"https://guide.example\">the guide</a>.</p>\n");
	}

	@Test
	void plainTextKeepsCodeAndDropsMarkupAndTags() {
		assertThat(markdown.text(nodes("Use `x < y` **now** <b>please</b> &amp; go.\n\n```\ncode\n```\n")))
			.isEqualTo("Use x < y now please & go.\n\ncode");
	}

	@Test
	void headingTextLeavesOutAttributes() {
		Heading heading = (Heading) nodes("## Is *this* `it`? {#this-one .draft}\n").get(0);
		assertThat(markdown.headingText(heading)).isEqualTo("Is this it?");
	}

}
