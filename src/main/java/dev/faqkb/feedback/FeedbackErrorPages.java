package dev.faqkb.feedback;

import java.util.Map;

import dev.faqkb.content.Question;
import dev.faqkb.site.SnapshotAdvice;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.ErrorPageContributor;
import dev.faqkb.system.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriTemplate;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A feedback post refused as forbidden (its form expired: the CSRF cookie is gone) links back to the answer the
 * form was on, where a reload gets a fresh form.
 */
@Component
class FeedbackErrorPages implements ErrorPageContributor {

	private static final UriTemplate FEEDBACK = new UriTemplate("/faq/{category}/{id}/feedback");

	private final SnapshotStore store;

	FeedbackErrorPages(SnapshotStore store) {
		this.store = store;
	}

	@Override
	public void contribute(HttpServletRequest request, Problem problem, Throwable cause, Map<String, Object> model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (problem.status() != HttpStatus.FORBIDDEN || !FEEDBACK.matches(path)) {
			return;
		}
		Map<String, String> vars = FEEDBACK.match(path);
		SnapshotAdvice.of(request, store)
			.catalog()
			.question(vars.get("category"), vars.get("id"))
			.map(Question::url)
			.ifPresent(url -> model.put("back", url));
	}

}
