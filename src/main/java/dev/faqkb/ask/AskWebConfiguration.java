package dev.faqkb.ask;

import java.util.Optional;

import dev.faqkb.system.ErrorPageContributor;
import dev.faqkb.system.FormBackLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A refused question's page links back to the ask page, where the reader can send it again. */
@Configuration(proxyBeanMethods = false)
class AskWebConfiguration {

	@Bean
	ErrorPageContributor backToTheAskPage() {
		return new FormBackLink("/ask", (request, form) -> Optional.of("/ask"));
	}

}
