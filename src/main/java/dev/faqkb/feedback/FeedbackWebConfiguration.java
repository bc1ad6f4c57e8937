package dev.faqkb.feedback;

import java.util.Optional;

import dev.faqkb.content.Question;
import dev.faqkb.site.SnapshotAdvice;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.BodyLimit;
import dev.faqkb.system.ErrorPageContributor;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.FormBackLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the writing of counted page views ({@link ViewCounter}); a refused vote's
 * page links to its answer; a vote's body is held to what its fields take.
 */
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

	/**
	 * {@code helpful} ("yes" or "no"), the comment and {@code from} ("page" or
	 * "category"). Static, so that the web server, which takes the limits as it starts,
	 * does not make this configuration (and the view counter) early.
	 */
	@Bean
	static BodyLimit voteBodyLimit() {
		return BodyLimit.form(FeedbackController.PATH, "yes".length(), FeedbackController.MAX_COMMENT,
				"category".length());
	}

	/** The same, for a vote from a translation's page. */
	@Bean
	static BodyLimit voteInALanguageBodyLimit() {
		return BodyLimit.form(FeedbackController.LANGUAGE_PATH, "yes".length(), FeedbackController.MAX_COMMENT,
				"category".length());
	}

	/** The answer in its language, for a vote from a translation's page. */
	@Bean
	ErrorPageContributor backToTheAnswerInItsLanguage(SnapshotStore store) {
		return new FormBackLink(FeedbackController.LANGUAGE_PATH,
				(request, form) -> Optional
					.ofNullable(SnapshotAdvice.of(request, store).translations().get(form.get("lang")))
					.flatMap(edition -> edition.catalog().question(form.get("category"), form.get("id")))
					.map(Question::url));
	}

	/**
	 * The answer, where the reader can vote again; none for a question that is not in the
	 * catalog.
	 */
	@Bean
	ErrorPageContributor backToTheAnswer(SnapshotStore store) {
		return new FormBackLink(FeedbackController.PATH,
				(request, form) -> SnapshotAdvice.of(request, store)
					.catalog()
					.question(form.get("category"), form.get("id"))
					.map(Question::url));
	}

}
