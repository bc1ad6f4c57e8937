package dev.faqkb.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts answer views and opened search results beside the page controllers, so the controllers stay about
 * content: an answer is served at {@code /faq/{category}/{id}}, and a result link adds {@code ?s={search id}}
 * (from {@link SearchLogging}). Also schedules the writing of counted page views.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FeedbackWebConfiguration implements WebMvcConfigurer, SchedulingConfigurer {

	/** The parameter that result links carry: the id of the logged search. */
	static final String SEARCH_PARAM = "s";

	private static final Pattern CRAWLER = Pattern.compile("bot|crawl|spider|slurp|preview", Pattern.CASE_INSENSITIVE);

	private static final Logger log = LoggerFactory.getLogger(FeedbackWebConfiguration.class);

	private final SearchLog searchLog;

	private final ViewCounter views;

	private final FaqkbProperties properties;

	private final Storage storage;

	FeedbackWebConfiguration(SearchLog searchLog, ViewCounter views, FaqkbProperties properties, Storage storage) {
		this.searchLog = searchLog;
		this.views = views;
		this.properties = properties;
		this.storage = storage;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(views::flush, properties.feedback().viewFlushInterval());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AnswerViews()).addPathPatterns("/faq/*/*");
	}

	private final class AnswerViews implements HandlerInterceptor {

		@Override
		public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			if (ex != null || response.getStatus() != 200 || !"GET".equals(request.getMethod())) {
				return;
			}
			@SuppressWarnings("unchecked")
			Map<String, String> vars = (Map<String, String>) request
				.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			if (vars == null || vars.get("category") == null || vars.get("id") == null) {
				return;
			}
			String category = vars.get("category");
			String id = vars.get("id");
			String agent = request.getHeader("User-Agent");
			if (agent == null || !CRAWLER.matcher(agent).find()) {
				// Crawlers read every page on a schedule; counting them would hide what people read.
				views.viewed(category, id);
			}
			String search = request.getParameter(SEARCH_PARAM);
			if (search != null && search.matches("\\d{1,18}") && storage.usable()) {
				try {
					searchLog.opened(Long.parseLong(search), category, id, Instant.now());
				}
				catch (RuntimeException failure) {
					log.warn("Could not log an opened search result: {}", failure.getMessage());
					storage.failed(failure);
				}
			}
		}

	}

}
