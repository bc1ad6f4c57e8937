package dev.faqkb.system;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.web.util.UriTemplate;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The way back from a form's error page: whatever refused a post to the form's address
 * (sent from another site, too many in a short time, the database down), the page links
 * back to where the reader can send it again. Each feature with a form declares one as a
 * bean, so that {@code system} needs to know no feature's addresses.
 */
public final class FormBackLink implements ErrorPageContributor {

	private final UriTemplate form;

	private final BiFunction<HttpServletRequest, Map<String, String>, Optional<String>> page;

	/**
	 * @param form the address the form posts to, with {@code {name}} for its variable
	 * parts
	 * @param page the address of the page with the form, from the request and the values
	 * of those parts; empty when there is none (an unknown question)
	 */
	public FormBackLink(String form, BiFunction<HttpServletRequest, Map<String, String>, Optional<String>> page) {
		this.form = new UriTemplate(form);
		this.page = page;
	}

	@Override
	public void contribute(HttpServletRequest request, Problem problem, Throwable cause, Map<String, Object> model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (form.matches(path)) {
			page.apply(request, form.match(path)).ifPresent(back -> model.put("back", back));
		}
	}

}
