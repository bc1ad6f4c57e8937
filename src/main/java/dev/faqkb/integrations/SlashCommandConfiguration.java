package dev.faqkb.integrations;

import dev.faqkb.system.BodyLimit;
import dev.faqkb.system.ErrorReplies;
import dev.faqkb.system.FilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * What the slash command needs besides its controller: its body held to
 * {@link SlashRequestBody#MAX_BYTES} and read as it came ({@link SlashRequestBody}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlashCommandEnabled.class)
class SlashCommandConfiguration {

	@Bean
	BodyLimit slashBodyLimit() {
		return new BodyLimit(SlashCommandController.PATH, SlashRequestBody.MAX_BYTES);
	}

	@Bean
	FilterRegistrationBean<SlashRequestBody> slashRequestBody(ErrorReplies replies) {
		FilterRegistrationBean<SlashRequestBody> registration = new FilterRegistrationBean<>(
				new SlashRequestBody(replies));
		registration.addUrlPatterns(SlashCommandController.PATH);
		// Right after faqkb's own filters (none reads a post's parameters), before Spring
		// Security's chain and
		// anything else that might.
		registration.setOrder(FilterOrder.CACHED_PAGES + 1);
		return registration;
	}

}
