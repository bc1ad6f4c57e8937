package dev.faqkb.ask;

import java.util.Map;

import dev.faqkb.system.ErrorPageContributor;
import dev.faqkb.system.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A question refused as forbidden (sent from another site, see {@code system}'s cross-origin check) links back to
 * the ask page on this site, where the reader can send it.
 */
@Component
class AskErrorPages implements ErrorPageContributor {

	@Override
	public void contribute(HttpServletRequest request, Problem problem, Throwable cause, Map<String, Object> model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (problem.status() == HttpStatus.FORBIDDEN && path.equals("/ask")) {
			model.put("back", "/ask");
		}
	}

}
