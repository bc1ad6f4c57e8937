package dev.faqkb.insights;

import dev.faqkb.system.FaqkbProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code faqkb.admin.password} is set, by the same rule as {@link FaqkbProperties.Admin#enabled()}.
 * Without it the admin controllers are not registered at all, so their addresses are ordinary 404s. Binds
 * {@code faqkb.admin} from the environment because conditions run before {@code FaqkbProperties} exists.
 */
class AdminEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("faqkb.admin", FaqkbProperties.Admin.class)
			.map(FaqkbProperties.Admin::enabled)
			.orElse(false);
	}

}
