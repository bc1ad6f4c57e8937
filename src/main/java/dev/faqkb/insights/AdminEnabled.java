package dev.faqkb.insights;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code faqkb.admin.password} is set. Without it the admin controllers are not registered at all,
 * so their addresses are ordinary 404s. Reads the environment because conditions run before
 * {@code FaqkbProperties} exists.
 */
class AdminEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("faqkb.admin.password", String.class)
			.map(password -> !password.isBlank())
			.orElse(false);
	}

}
