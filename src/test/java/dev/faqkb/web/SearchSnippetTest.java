package dev.faqkb.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snippets are escaped first and marked second: neither the content nor the query becomes markup.
 */
// Semantic search off, as in @FaqkbWebTest: its vectors would join in the background between two requests
// and change a kept answer (the cache starts again when they are ready), which is not what these tests check.
@SpringBootTest(properties = { "faqkb.content.watch=false", "faqkb.search.semantic.enabled=false" })
@AutoConfigureMockMvc
class SearchSnippetTest {

	@Autowired
	MockMvcTester mvc;

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("faqkb-snippets");
		Files.writeString(dir.resolve("web.md"), """
				---
				title: Web
				---
				## How do I embed a widget?

				Paste `<script>alert("widget")</script>` into the page footer & save.
				""");
		registry.add("faqkb.content-dir", dir::toString);
		registry.add("faqkb.content.watch", () -> "false");
	}

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
