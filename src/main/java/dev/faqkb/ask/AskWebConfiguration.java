package dev.faqkb.ask;

import java.util.Optional;

import dev.faqkb.site.SnapshotAdvice;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.BodyLimit;
import dev.faqkb.system.ErrorPageContributor;
import dev.faqkb.system.FormBackLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A question refused before {@link AskController} sees it (posted from another site) gets
 * the error page, which links to the ask page, where the reader can send it again; the
 * controller's own refusals show the form itself. The form's body is held to what its
 * fields take.
 */
@Configuration(proxyBeanMethods = false)
class AskWebConfiguration {

	/**
	 * {@link AskController#LANGUAGE_PATH} as a plain template: the address of a language
	 * the site does not have is refused by the controller.
	 */
	private static final String LANGUAGE_FORM = "/{lang}/ask";

	@Bean
	ErrorPageContributor backToTheAskPage() {
		return new FormBackLink("/ask", (request, form) -> Optional.of("/ask"));
	}

	/** The ask page of the translation the form was posted in ({@code /fr/ask}). */
	@Bean
	ErrorPageContributor backToTheAskPageInItsLanguage(SnapshotStore store) {
		return new FormBackLink(LANGUAGE_FORM,
				(request, form) -> SnapshotAdvice.of(request, store).translations().containsKey(form.get("lang"))
						? Optional.of("/" + form.get("lang") + "/ask") : Optional.empty());
	}

	@Bean
	BodyLimit askBodyLimit() {
		return BodyLimit.form("/ask", AskController.MAX_QUESTION, AskController.MAX_EMAIL, AskController.MAX_SEARCH,
				AskController.MAX_FROM);
	}

	/** The same, for the form of a translation's pages. */
	@Bean
	BodyLimit askInALanguageBodyLimit() {
		return BodyLimit.form(LANGUAGE_FORM, AskController.MAX_QUESTION, AskController.MAX_EMAIL,
				AskController.MAX_SEARCH, AskController.MAX_FROM);
	}

}
