package dev.faqkb.web;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.RandomText;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long input a visitor can send, answered within the query budget: a long question in
 * Chinese (each character is a word), a long unknown question id (its words search for
 * the closest questions on the 404 page), and input longer than the search box allows (a
 * 400 that says so).
 */
@FaqkbWebTest
class LongQueriesWebTest {

	/** 200 characters, 130 of them different: each is a word of its own. */
	static final String CHINESE_QUESTION = RandomText.CHINESE_QUESTION;

	/**
	 * The site of {@link QueryFuzzTest}: help and billing, the Chinese category
	 * {@code zh} with its question {@code reset-admin-password}, and one of tricky
	 * markup; the same files, so both share one application context.
	 */
	@TestContent.Setup
	static void content(TestContent content) {
		QueryFuzzTest.content(content);
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void aLongChineseQuestionFindsItsAnswerOnTheResultsPageAndInTheApi() {
		assertThat(mvc.get().uri("/search").param("q", CHINESE_QUESTION)).hasStatusOk()
			.bodyText()
			.contains("如何重置管理员的密码？");
		assertThat(mvc.get().uri("/api/search").param("q", CHINESE_QUESTION)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].id")
			.isEqualTo("reset-admin-password");
	}

	@Test
	void suggestForLongChineseTextAnswers() {
		assertThat(mvc.get().uri("/api/suggest").param("q", CHINESE_QUESTION.substring(0, 160))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.suggestions[0].question")
			.isEqualTo("如何重置管理员的密码？");
	}

	@Test
	void aLongUnknownQuestionIdIsANotFoundPageWithTheClosestQuestions() {
		StringBuilder id = new StringBuilder("reset-my-password");
		for (int page = 1; id.length() < 1_000; page++) {
			id.append("-page").append(page);
		}

		assertThat(mvc.get().uri("/faq/help/{id}", id.substring(0, 1_000)).accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("<title>Not found · Test FAQ</title>")
			.contains("How do I reset my password?");
		String chineseId = CHINESE_QUESTION.repeat(5);
		assertThat(mvc.get().uri("/faq/zh/{id}", chineseId).accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("如何重置管理员的密码？");
	}

	@Test
	void aQueryLongerThanTheSearchBoxAllowsIsABadRequestThatSaysSo() {
		String tooLong = "汉".repeat(257);
		assertThat(mvc.get().uri("/search").param("q", tooLong)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Your search is too long: use at most 256 characters.");
		assertThat(mvc.get().uri("/api/search").param("q", tooLong)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("q is too long: at most 256 characters");
		assertThat(mvc.get().uri("/api/suggest").param("q", tooLong)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("q is too long: at most 256 characters");
	}

}
