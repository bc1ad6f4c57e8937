package dev.faqkb.integrations;

import dev.faqkb.system.FaqkbProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code faqkb.integrations.slash.tokens} names a token or
 * {@code ...signing-secrets} a Slack signing secret. Without either the slash command is
 * not registered at all, so its address is an ordinary 404. Binds from the environment
 * because conditions run before {@code FaqkbProperties} exists.
 */
class SlashCommandEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("faqkb.integrations.slash", FaqkbProperties.Slash.class)
			.map(FaqkbProperties.Slash::enabled)
			.orElse(false);
	}

}
