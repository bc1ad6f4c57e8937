package dev.faqkb.system;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when the admin pages are on ({@code faqkb.admin.password} set), by
 * {@link FaqkbProperties.Admin#enabled()}: without it the owner's controllers are not
 * registered at all, so their addresses are ordinary 404s. Binds {@code faqkb.admin} from
 * the environment because conditions run before {@code FaqkbProperties} exists.
 */
public final class AdminEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("faqkb.admin", FaqkbProperties.Admin.class)
			.map(FaqkbProperties.Admin::enabled)
			.orElse(false);
	}

}
