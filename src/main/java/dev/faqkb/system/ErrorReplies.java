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

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a {@link Problem} the same way wherever it happens: in a handler ({@link ErrorAdvice}), in the servlet
 * container ({@link ErrorPageController}) or in Spring Security's filters ({@link SecurityConfiguration}). As
 * {@code {"error": "..."}} when {@link ResponseFormat#json} says so, otherwise as the {@value #PAGE} template
 * with what each {@link ErrorPageContributor} adds. Not a scanned component: {@link ErrorAdvice} imports it, so
 * that a web slice test that has the advice has this too.
 */
class ErrorReplies {

	static final String PAGE = "error/problem";

	private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);

	private final List<ErrorPageContributor> contributors;

	private final ThymeleafViewResolver views;

	private final JsonMapper json;

	ErrorReplies(List<ErrorPageContributor> contributors, ThymeleafViewResolver views, JsonMapper json) {
		this.contributors = contributors;
		this.views = views;
		this.json = json;
	}

	/** For a handler to return: the JSON body or the error page, with the problem's status. */
	Object reply(HttpServletRequest request, Problem problem, Throwable cause) {
		if (ResponseFormat.json(request)) {
			// Content type set here, so that an Accept without JSON does not turn the error into a 406.
			return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_JSON).body(body(problem));
		}
		return new ModelAndView(PAGE, page(request, problem, cause), problem.status());
	}

	/** Outside Spring MVC, where nothing renders a returned view: writes the same reply to {@code response}. */
	void write(HttpServletRequest request, HttpServletResponse response, Problem problem, Throwable cause)
			throws IOException, ServletException {
		response.setStatus(problem.status().value());
		if (ResponseFormat.json(request)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			json.writeValue(response.getWriter(), body(problem));
			return;
		}
		try {
			View view = views.resolveViewName(PAGE, request.getLocale());
			view.render(page(request, problem, cause), request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException("Could not render the error page", ex);
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
