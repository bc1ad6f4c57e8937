package dev.faqkb.feedback;

import dev.faqkb.system.FaqkbProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Schedules the writing of counted page views ({@link ViewCounter}). */
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

}
