package dev.faqkb.integrations;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@SeedSiteWithIntegrations
class LlmsTxtTests {

	@Autowired
	MockMvcTester mvc;

	@TempDir
	Path dir;

	@Test
	void llmsTxtHasTheTitleSummaryAndEveryQuestionWithItsAbsoluteUrl() throws Exception {
		MvcTestResult result = mvc.get().uri("/llms.txt").exchange();

		assertThat(result).hasStatusOk().hasHeader("Content-Type", "text/plain;charset=UTF-8");
		String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text)
			.startsWith(
					"""
							# Mattermost FAQ

							> Answers to common questions about Mattermost, its editions, deployment and use.

							Each answer has its own page, listed below. Every answer in one file: \
							[llms-full.txt](http://localhost:8080/llms-full.txt). Search as JSON: http://localhost:8080/api/search?q={words}. \
							MCP server (Streamable HTTP): http://localhost:8080/mcp

							## General

							- [Why was Mattermost created?](http://localhost:8080/faq/general/why-was-mattermost-created)
							""")
			.contains("\n- [How do I deploy the open source Mattermost Team Edition under an MIT license?]"
					+ "(http://localhost:8080/faq/general/how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license)\n");
		assertThat(Pattern.compile("(?m)^- \\[").matcher(text).results().count()).isEqualTo(7);
	}

	@Test
	void llmsFullTxtHasEveryAnswerInMarkdownUnderItsQuestion() throws Exception {
		String text = mvc.get()
			.uri("/llms-full.txt")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(text).startsWith("# Mattermost FAQ\n\n> Answers to common questions")
			.contains(
					"\n## General\n\nWhy Mattermost exists, how it is licensed and deployed, and how to report misuse.\n\n### Why was Mattermost created?\n")
			.contains(
					"""
							### How do I deploy the open source Mattermost Team Edition under an MIT license?

							Source: http://localhost:8080/faq/general/how-do-i-deploy-the-open-source-mattermost-team-edition-under-an-mit-license

							The open source Mattermost Team Edition is functionally identical""")
			.contains(
					"Please reach out to <compliance@mattermost.com> for any questions around current export limitations.\n")
			.endsWith("policy for Mattermost software.\n");
		assertThat(Pattern.compile("(?m)^### ").matcher(text).results().count()).isEqualTo(7);
	}

	@Test
	void llmsFullTxtComesGzippedToAReaderThatTakesGzipWithTheSameText() throws Exception {
		String plain = mvc.get()
			.uri("/llms-full.txt")
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		MvcTestResult gzipped = mvc.get()
			.uri("/llms-full.txt")
			.header("Accept-Encoding", "gzip, deflate, br")
			.exchange();

		assertThat(gzipped).hasStatusOk()
			.hasHeader("Content-Encoding", "gzip")
			.hasHeader("Content-Type", "text/plain;charset=UTF-8");
		assertThat(gzipped.getResponse().getHeader("Vary")).contains("Accept-Encoding");
		try (GZIPInputStream in = new GZIPInputStream(
				new ByteArrayInputStream(gzipped.getResponse().getContentAsByteArray()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain)
				.startsWith("# Mattermost FAQ");
		}
		assertThat(mvc.get().uri("/llms-full.txt").header("Accept-Encoding", "identity").exchange())
			.doesNotContainHeader("Content-Encoding");
	}

	@Test
	void aCrawlerAskingAgainGets304WhileTheContentIsTheSame() {
		MvcTestResult first = mvc.get().uri("/llms.txt").exchange();
		String lastModified = first.getResponse().getHeader("Last-Modified");

		assertThat(lastModified).isNotNull();
		assertThat(mvc.get().uri("/llms.txt").header("If-Modified-Since", lastModified).exchange())
			.hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void aContentChangeIsInTheNextLlmsTxt() throws Exception {
		Files.writeString(dir.resolve("help.md"), "---\ntitle: Help\n---\n\n## First? {#first}\n\nYes.\n");
		var store = Snapshots.of(dir);
		LlmsTxtController controller = new LlmsTxtController(store);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/llms.txt");
		assertThat(new String(controller.index(null, request).getBody(), StandardCharsets.UTF_8))
			.contains("- [First?](http://localhost/faq/help/first)")
			.doesNotContain("Second?");

		Files.writeString(dir.resolve("help.md"),
				"---\ntitle: Help\n---\n\n## First? {#first}\n\nYes.\n\n## Second? {#second}\n\nNo.\n");
		store.reload();

		assertThat(new String(controller.index(null, request).getBody(), StandardCharsets.UTF_8))
			.contains("- [Second?](http://localhost/faq/help/second)");
		assertThat(new String(controller.full(null, request).getBody(), StandardCharsets.UTF_8))
			.contains("### Second?\n\nSource: http://localhost/faq/help/second\n\nNo.\n");
	}

}
