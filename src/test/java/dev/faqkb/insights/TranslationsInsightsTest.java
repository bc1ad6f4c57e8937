package dev.faqkb.insights;

import java.time.Duration;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The owner sees what each translation translates and what it still lacks. */
@FaqkbWebTest(properties = { "faqkb.admin.username=owner", "faqkb.admin.password=s3cret-pass" })
class TranslationsInsightsTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.helpAndBilling()
			.translation("fr", "help", "Aide",
					"## Comment réinitialiser mon mot de passe ? {#reset-password}\n\nOuvrez la page du compte.\n")
			.translation("ja", "billing", "請求", "## どのカードが使えますか？ {#cards}\n\nVisa と Mastercard です。\n");
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void insightsListEachTranslationsCoverageAndWhatItLacks() {
		assertThat(mvc.get().uri("/admin/insights").with(httpBasic("owner", "s3cret-pass"))).hasStatusOk()
			.bodyText()
			.contains("<h2 id=\"translations-title\">Translations</h2>")
			.containsPattern("<span>French</span> \\(<code>fr</code>\\)</td>\\s*<td class=\"num\">1 of 4</td>")
			.contains("<a href=\"/fr/faq/help/delete-account\" lang=\"en\">How do I delete my account?</a>")
			.contains("<a href=\"/fr/faq/billing/cards\" lang=\"en\">Which cards do you accept?</a>")
			.containsPattern("<span>Japanese</span> \\(<code>ja</code>\\)</td>\\s*<td class=\"num\">1 of 4</td>")
			.doesNotContain("<a href=\"/fr/faq/help/reset-password\"");
	}

	@Test
	void searchesThatFoundNothingSayWhichLanguageTheyWereIn() throws Exception {
		mvc.get().uri("/fr/search").param("q", "licorne").exchange();
		mvc.get().uri("/search").param("q", "licorne").exchange();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(mvc.get()
				.uri("/admin/insights.csv?period=7&report=no-results")
				.with(httpBasic("owner", "s3cret-pass"))).hasStatusOk()
				.bodyText()
				.contains("query,searches,results,opened,language")
				.contains("licorne,1,0,0,fr")
				.contains("licorne,1,0,0,\r\n"));
		assertThat(mvc.get().uri("/admin/insights").with(httpBasic("owner", "s3cret-pass"))).hasStatusOk()
			.bodyText()
			.contains("<a href=\"/fr/search?q=licorne\" lang=\"fr\">licorne</a> (<span>fr</span>)")
			.contains("<a href=\"/search?q=licorne\">licorne</a></td>");
	}

	@Test
	void aQuestionAskedOnAFrenchPageKeepsItsLanguageForTheOwner() throws Exception {
		var french = mvc.get()
			.uri("/fr/faq/help")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(french).contains("<input type=\"hidden\" name=\"lang\" value=\"fr\">");
		assertThat(mvc.get()
			.uri("/faq/help")
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("name=\"lang\"");
		assertThat(mvc.post()
			.uri("/ask")
			.param("question", "Puis-je payer en espèces ?")
			.param("search", "espèces")
			.param("from", "help")
			.param("lang", "fr")).hasStatus(org.springframework.http.HttpStatus.SEE_OTHER);
		assertThat(
				mvc.post().uri("/ask").param("question", "Can I pay in yen?").param("from", "help").param("lang", "xx"))
			.hasStatus(org.springframework.http.HttpStatus.SEE_OTHER);
		assertThat(mvc.get().uri("/admin/insights").with(httpBasic("owner", "s3cret-pass"))).hasStatusOk()
			.bodyText()
			.contains("<span lang=\"fr\">Puis-je payer en espèces ?</span> (<span>fr</span>)")
			.contains("<a href=\"/fr/search?q=esp%C3%A8ces\" lang=\"fr\">espèces</a>")
			.contains("<span>Can I pay in yen?</span></td>");
	}

}
