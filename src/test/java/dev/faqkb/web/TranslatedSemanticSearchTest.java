package dev.faqkb.web;

import java.time.Duration;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.search.semantic.SemanticSearch;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A translation searched by meaning through its English originals once their vectors are
 * ready: the English model never reads the French text, the French query is carried into
 * English words learnt from the site's own translations.
 */
@FaqkbWebTest(properties = "faqkb.search.semantic.enabled=true")
class TranslatedSemanticSearchTest {

	@TestContent.Setup
	static void content(TestContent content) {
		content.site("title: Help\n")
			.category("account", "Account", """
					## How do I reset my password? {#reset-password}

					Open the account page and choose "Reset password". We email you a link that works for one hour.

					## Which credit cards do you accept? {#cards}

					Visa, Mastercard and American Express. Invoices are sent every month.

					## How do I change my email address? {#email}

					Open the account page, edit the address and confirm it from the message we send you.
					""")
			.translation("fr", "account", "Compte",
					"""
							## Comment réinitialiser mon mot de passe ? {#reset-password}

							Ouvrez la page du compte et choisissez « Réinitialiser le mot de passe ». Nous vous envoyons un lien valable une heure.

							## Quelles cartes de crédit acceptez-vous ? {#cards}

							Visa, Mastercard et American Express. Les factures sont envoyées chaque mois.

							## Comment changer mon adresse e-mail ? {#email}

							Ouvrez la page du compte, modifiez l'adresse et confirmez-la depuis le message que nous vous envoyons.
							""");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SemanticSearch semantic;

	@Autowired
	SnapshotStore store;

	@BeforeEach
	void vectorsReady() {
		await().atMost(Duration.ofSeconds(90)).until(() -> semantic.status() == SemanticSearch.Status.READY);
	}

	@Test
	void theTranslationRanksByMeaningOnceItsOriginalsCan() {
		assertThat(store.current().edition("fr").orElseThrow().index().semanticReady()).isTrue();
		// its words match the French question, and carried into English ("change
		// address") they are near the original's meaning
		assertThat(mvc.get().uri("/api/search").param("lang", "fr").param("q", "changer d'adresse")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.results[0].id").isEqualTo("email");
				assertThat(json).extractingPath("$.results[0].match").isEqualTo("both");
			});
	}

}
