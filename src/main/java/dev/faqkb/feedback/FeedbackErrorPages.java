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
 * A feedback post refused as forbidden (sent from another site, see {@code system}'s cross-origin check) links back
 * to the answer on this site, where the reader can vote.
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
