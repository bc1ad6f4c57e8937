package dev.faqkb.ask;

import java.util.Optional;

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

	@Bean
	ErrorPageContributor backToTheAskPage() {
		return new FormBackLink("/ask", (request, form) -> Optional.of("/ask"));
	}

	@Bean
	BodyLimit askBodyLimit() {
		return BodyLimit.form("/ask", AskController.MAX_QUESTION, AskController.MAX_EMAIL, AskController.MAX_SEARCH,
				AskController.MAX_FROM);
	}

}
