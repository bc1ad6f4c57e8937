package dev.faqkb.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Serves the Python FAQ (178 questions, 8 categories, sections, code blocks, raw HTML) from
 * {@code ../shared/corpora/python-faq}, a folder beside the checkout.
 */
@SpringBootTest(properties = { "faqkb.content-dir=" + PythonFaqCorpusTest.CORPUS, "faqkb.content.watch=false" })
@AutoConfigureMockMvc
class PythonFaqCorpusTest {

	static final String CORPUS = "../shared/corpora/python-faq";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SnapshotStore store;

	@BeforeAll
	static void corpusIsThere() {
		assumeTrue(Files.isDirectory(Path.of(CORPUS)), "Skipped: " + CORPUS + " is missing (the shared test data beside the checkout)");
	}

	@Test
	void loadsAll178QuestionsIn8Categories() {
		Catalog catalog = store.current().catalog();
		assertThat(catalog.categories()).hasSize(8);
		assertThat(catalog.questions()).hasSize(178);
		assertThat(catalog.categories().get(0).id()).isEqualTo("general");
		assertThat(catalog.category("programming").orElseThrow().sections()).extracting(section -> section.title())
			.contains("General Questions");
	}

	@Test
	void everyQuestionPageAndCategoryPageIsServed() {
		Catalog catalog = store.current().catalog();
		for (Category category : catalog.categories()) {
			var page = assertThat(mvc.get().uri(category.url())).hasStatusOk().bodyText();
			category.questions().forEach(question -> page.contains("id=\"" + question.id() + "\""));
		}
		List<Question> questions = catalog.questions();
		for (Question question : questions) {
			assertThat(mvc.get().uri(question.url())).hasStatusOk().bodyText().contains("class=\"answer\"");
		}
	}

	@Test
	void codeBlocksKeepTheirLanguageAndCodeIsEscaped() {
		Question question = store.current()
			.catalog()
			.category("extending")
			.orElseThrow()
			.questions()
			.stream()
			.filter(candidate -> candidate.answerHtml().contains("class=\"language-c\""))
			.findFirst()
			.orElseThrow();
		assertThat(mvc.get().uri(question.url())).hasStatusOk().bodyText().contains("<code class=\"language-c\">");
	}

	@Test
	void searchFindsAQuestionByItsWords() {
		assertThat(mvc.get().uri("/api/search").param("q", "Python Software Foundation")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].question")
			.isEqualTo("What is the Python Software Foundation?");
	}

}
