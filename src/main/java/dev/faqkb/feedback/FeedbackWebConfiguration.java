package dev.faqkb.feedback;

import dev.faqkb.content.Question;
import dev.faqkb.site.SnapshotAdvice;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.ErrorPageContributor;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.FormBackLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Schedules the writing of counted page views ({@link ViewCounter}); a refused vote's page links to its answer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FeedbackWebConfiguration implements SchedulingConfigurer {

	private final ViewCounter views;

	private final FaqkbProperties properties;

	FeedbackWebConfiguration(ViewCounter views, FaqkbProperties properties) {
		this.views = views;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(views::flush, properties.feedback().viewFlushInterval());
	}

	/** The answer, where the reader can vote again; none for a question that is not in the catalog. */
	@Bean
	ErrorPageContributor backToTheAnswer(SnapshotStore store) {
		return new FormBackLink("/faq/{category}/{id}/feedback", (request, form) -> SnapshotAdvice.of(request, store)
			.catalog()
			.question(form.get("category"), form.get("id"))
			.map(Question::url));
	}

}
