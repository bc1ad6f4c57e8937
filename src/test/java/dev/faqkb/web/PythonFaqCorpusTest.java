package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.SharedTestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Serves the Python FAQ (178 questions, 8 categories, sections, code blocks, raw HTML)
 * from {@code ../shared/corpora/python-faq}, a folder beside the checkout.
 */
@FaqkbWebTest(properties = { "faqkb.content-dir=" + PythonFaqCorpusTest.CORPUS, "faqkb.admin.password=corpus" })
@SharedTestData("corpora/python-faq")
class PythonFaqCorpusTest {

	static final String CORPUS = "../shared/corpora/python-faq";

	private static final Pattern CATEGORY_LINK = Pattern.compile("<loc>[^<]*?(/faq/[^<\"/]+)</loc>");

	private static final Pattern QUESTION_LINK = Pattern.compile("<loc>[^<]*?(/faq/[^<\"/]+/[^<\"/]+)</loc>");

	@Autowired
	MockMvcTester mvc;

	@Test
	void loadsAll178QuestionsIn8Categories() throws Exception {
		// The details are the admin's.
		assertThat(mvc.get().uri("/actuator/health/content").with(httpBasic("admin", "corpus"))).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.details.categories", v -> v.assertThat().isEqualTo(8))
			.hasPathSatisfying("$.details.questions", v -> v.assertThat().isEqualTo(178));
		assertThat(links(CATEGORY_LINK)).hasSize(8).first().isEqualTo("/faq/general");
		assertThat(links(QUESTION_LINK)).hasSize(178).doesNotHaveDuplicates();
		assertThat(mvc.get().uri("/faq/programming")).hasStatusOk()
			.bodyText()
			.containsPattern("<h2 id=\"[^\"]+\">General Questions</h2>");
	}

	@Test
	void everyQuestionPageAndCategoryPageIsServed() throws Exception {
		List<String> questions = links(QUESTION_LINK);
		for (String category : links(CATEGORY_LINK)) {
			var page = assertThat(mvc.get().uri(category)).as(category).hasStatusOk().bodyText();
			questions.stream()
				.filter(question -> question.startsWith(category + "/"))
				.forEach(question -> page.contains("id=\"" + question.substring(category.length() + 1) + "\""));
		}
		for (String question : questions) {
			assertThat(mvc.get().uri(question)).as(question).hasStatusOk().bodyText().contains("class=\"answer\"");
		}
	}

	@Test
	void codeBlocksKeepTheirLanguageAndCodeIsEscaped() {
		assertThat(mvc.get().uri("/faq/extending/how-do-i-access-a-module-written-in-python-from-c")).hasStatusOk()
			.bodyText()
			.containsPattern(
					"<code class=\"language-c\">module = PyImport_ImportModule\\((&quot;|\")&lt;modulename&gt;(&quot;|\")\\);")
			.doesNotContain("<modulename>");
	}

	@Test
	void searchFindsAQuestionByItsWords() {
		assertThat(mvc.get().uri("/api/search").param("q", "Python Software Foundation")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].question")
			.isEqualTo("What is the Python Software Foundation?");
	}

	/**
	 * The addresses of every category and question, in order, as the sitemap lists them
	 * for search engines.
	 */
	private List<String> links(Pattern link) throws Exception {
		MvcTestResult sitemap = mvc.get().uri("/sitemap.xml").exchange();
		assertThat(sitemap).hasStatusOk();
		String xml = sitemap.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return link.matcher(xml).results().map(match -> match.group(1)).toList();
	}

}
