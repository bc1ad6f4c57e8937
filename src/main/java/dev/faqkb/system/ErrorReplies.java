package dev.faqkb.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one writer of refusals and errors: answers a {@link Problem} the same way wherever
 * it happens, in a handler ({@link ErrorAdvice}, a feature's controller), in the servlet
 * container ({@link ErrorPageController}, {@link ContainerErrorReport}) or in a filter
 * (Spring Security's, {@link BodyLimits}, a feature's). As {@code {"error": "..."}} when
 * {@link ResponseFormat#json} says so, otherwise as the {@value #PAGE} template with what
 * each {@link ErrorPageContributor} adds; either way with the problem's status and
 * {@code Retry-After} when it has one. The security headers are written before, by their
 * filter, on every response. Not a scanned component: {@link ErrorAdvice} imports it, so
 * that a web slice test that has the advice has this too. Thread-safe.
 */
public final class ErrorReplies {

	static final String PAGE = "error/problem";

	private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);

	private final List<ErrorPageContributor> contributors;

	private final ThymeleafViewResolver views;

	private final JsonMapper json;

	private final LocaleResolver locales;

	/**
	 * @param locales the application's, which the page's words follow (Spring MVC's views
	 * use it by themselves; a reply written outside it is given it)
	 */
	ErrorReplies(List<ErrorPageContributor> contributors, ThymeleafViewResolver views, JsonMapper json,
			LocaleResolver locales) {
		this.contributors = contributors;
		this.views = views;
		this.json = json;
		this.locales = locales;
	}

	/**
	 * For a handler to return: the JSON body or the error page, with the problem's
	 * status; its headers are set on {@code response}.
	 * @param cause what was refused or failed, for the {@link ErrorPageContributor}s;
	 * {@code null} when none
	 */
	public Object reply(HttpServletRequest request, HttpServletResponse response, Problem problem, Throwable cause) {
		addHeaders(response, problem);
		if (ResponseFormat.json(request)) {
			// Content type set here, so that an Accept without JSON does not turn the
			// error into a 406.
			return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_JSON).body(body(problem));
		}
		return new ModelAndView(PAGE, page(request, problem, cause), problem.status());
	}

	/**
	 * Outside Spring MVC, where nothing renders a returned view (a filter, the
	 * container): writes the same reply to {@code response}, replacing anything buffered
	 * but not yet sent.
	 * @throws IllegalStateException when the response is already committed
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, Problem problem, Throwable cause)
			throws IOException, ServletException {
		response.resetBuffer();
		response.setStatus(problem.status().value());
		addHeaders(response, problem);
		if (ResponseFormat.json(request)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			json.writeValue(response.getWriter(), body(problem));
			return;
		}
		if (request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE) == null) {
			// outside the DispatcherServlet the view would read Accept-Language instead
			request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
		}
		try {
			View view = views.resolveViewName(PAGE, locales.resolveLocale(request));
			view.render(page(request, problem, cause), request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException("Could not render the error page", ex);
		}
	}

	/**
	 * The headers that go with {@code problem} whatever shows it: {@code Retry-After}
	 * when it says when to try again. For a feature that answers a refusal with a page of
	 * its own (a form given back).
	 */
	public static void addHeaders(HttpServletResponse response, Problem problem) {
		if (problem.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Problem.seconds(problem.retryAfter())));
		}
	}

	private static Map<String, String> body(Problem problem) {
		return Map.of("error", problem.message());
	}

	private Map<String, Object> page(HttpServletRequest request, Problem problem, Throwable cause) {
		Map<String, Object> model = new HashMap<>();
		model.put("problem", problem);
		for (ErrorPageContributor contributor : contributors) {
			try {
				contributor.contribute(request, problem, cause, model);
			}
			catch (RuntimeException ex) {
				// A suggestion that cannot be made must not turn a 404 into a 500.
				log.warn("Could not add to the error page for {}: {}", request.getRequestURI(), ex.toString());
			}
		}
		return model;
	}

}
