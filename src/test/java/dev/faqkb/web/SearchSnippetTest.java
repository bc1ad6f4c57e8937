package dev.faqkb.web;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snippets are escaped first and marked second: neither the content nor the query becomes
 * markup.
 */
@FaqkbWebTest
class SearchSnippetTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.category("web", "Web", """
				## How do I embed a widget?

				Paste `<script>alert("widget")</script>` into the page footer & save.
				""");
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void scriptInACodeSpanOfTheAnswerIsEscapedInTheSnippet() {
		// Lucene's escaping also writes / as &#x2F;, so no closing tag can form either
		String snippet = "Paste &lt;script&gt;alert(&quot;<mark>widget</mark>&quot;)&lt;&#x2F;script&gt; into the page footer &amp; save.";
		assertThat(mvc.get().uri("/api/search").param("q", "widget")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].snippet")
			.asString()
			.isEqualTo(snippet);
		assertThat(mvc.get().uri("/search").param("q", "widget")).hasStatusOk()
			.bodyText()
			.contains("<p class=\"snippet\">" + snippet + "</p>")
			.doesNotContain("<script>alert");
	}

	@Test
	void queryTextNeverBecomesMarkupInTheSnippet() {
		assertThat(mvc.get().uri("/api/search").param("q", "<script> widget")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].snippet")
			.asString()
			.doesNotContain("<script>")
			.contains("&lt;");
	}

}
