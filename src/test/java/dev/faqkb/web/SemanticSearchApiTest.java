package dev.faqkb.web;

import java.time.Duration;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.search.semantic.SemanticSearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /api/search} once the vectors are ready: results found by meaning alone, and how
 * each result matched.
 */
@FaqkbWebTest(properties = "faqkb.search.semantic.enabled=true")
class SemanticSearchApiTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.site("title: Semantic FAQ\n").category("account", "Account", """
				## How do I reset my password? {#reset-password}

				Open the account page and choose "Reset password". We email you a link that works for one hour.

				## Which credit cards do you accept? {#cards}

				Visa, Mastercard and American Express. Invoices are sent every month. Our office cat is called Biscuit.

				## Can I run the server on a Raspberry Pi? {#raspberry}

				Yes: use the ARM64 build; 2 GB of memory are enough for a small team.

				## How do I change my email address? {#email}

				Open the account page, edit the address and confirm it from the message we send you.

				## How do I export my data? {#export}

				Go to Settings, then Export, and download a ZIP file of your messages. Error QZX-4711 means the
				export is still running.
				""");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SemanticSearch semantic;

	@BeforeEach
	void vectorsReady() {
		await().atMost(Duration.ofSeconds(90)).until(() -> semantic.status() == SemanticSearch.Status.READY);
	}

	@Test
	void aQuestionInOtherWordsFindsItsAnswerByMeaning() {
		// none of these words is in the FAQ
		assertThat(mvc.get().uri("/api/search").param("q", "I forgot my login")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.results[0].id").isEqualTo("reset-password");
				// no word matches: every result is found by meaning, and only the few
				// nearest, not the whole FAQ
				assertThat(json).extractingPath("$.results[*].match").asArray().isNotEmpty().containsOnly("semantic");
				assertThat(json).extractingPath("$.total")
					.asNumber()
					.satisfies(total -> assertThat(total.intValue()).isBetween(1, 3));
			});
	}

	@Test
	void eachResultSaysHowItMatched() {
		assertThat(mvc.get().uri("/api/search").param("q", "reset password")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.results[0].id").isEqualTo("reset-password");
				assertThat(json).extractingPath("$.results[0].match").isEqualTo("both");
			});
		// the start of a word of the answer: it matches by its letters, not by what it
		// means
		assertThat(mvc.get().uri("/api/search").param("q", "biscu")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.results[0].id").isEqualTo("cards");
			assertThat(json).extractingPath("$.results[0].match").isEqualTo("lexical");
		});
	}

	@Test
	void theQuestionTypedExactlyStaysFirst() {
		assertThat(mvc.get().uri("/api/search").param("q", "Which credit cards do you accept?")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].id")
			.isEqualTo("cards");
	}

	@Test
	void aQueryMatchingNothingInWordsOrMeaningStillHasNoResults() {
		assertThat(mvc.get().uri("/api/search").param("q", "best pizza in naples")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.total").isEqualTo(0);
				assertThat(json).extractingPath("$.results").asArray().isEmpty();
			});
	}

	@Test
	void longQueriesOfEmojiCjkAndPunctuationAreAnswered() {
		// (a 256-character run of CJK ideographs is one word each, too many for the
		// lexical query today: issue 10
		// caps that; SemanticSearchFaultsTest embeds such texts)
		for (String query : new String[] { "😀🎉🔥 ".repeat(36), "?!.,;:\"'()[]{}<>/\\|@#$%^&*-+=~`".repeat(8),
				"如何 reset 我的 password 🙂 ".repeat(10), "密码重置".repeat(16) + "?".repeat(192) }) {
			assertThat(query.length()).isBetween(240, 256);
			assertThat(mvc.get().uri("/api/search").param("q", query)).hasStatusOk()
				.bodyJson()
				.extractingPath("$.total")
				.isNotNull();
		}
	}

	@Test
	void relatedQuestionsOfAnAnswerAreFoundByMeaning() {
		assertThat(mvc.get().uri("/faq/account/reset-password")).hasStatusOk()
			.bodyText()
			.contains("Related questions")
			.contains("How do I change my email address?");
	}

	@Test
	void theClosestQuestionsOfAnUnknownAddressAreFoundByMeaningToo() {
		// the words of the id are in no question: only their meaning leads to the answer
		assertThat(mvc.get().uri("/faq/account/forgot-login")).hasStatus(404)
			.bodyText()
			.contains("How do I reset my password?");
	}

	@Test
	void suggestionsStayByWords() {
		assertThat(mvc.get().uri("/api/suggest").param("q", "forgot")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.suggestions")
			.asArray()
			.isEmpty();
	}

}
