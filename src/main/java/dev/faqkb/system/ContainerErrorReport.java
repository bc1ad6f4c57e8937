package dev.faqkb.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Answers what Tomcat refuses before any filter or servlet of ours sees it, through
 * {@link ErrorReplies} with the security headers, in place of Tomcat's own "HTTP Status
 * 400" page: mostly addresses it cannot decode, such as {@code %2f} (an encoded
 * {@code /}), {@code %5c} ({@code \}), {@code %00} or a {@code %} without two hex digits.
 * Errors inside the application never get here: the container's error page
 * ({@code /error}) answers them first. Tomcat's error report valve of the host, replaced
 * rather than added to, so that no request gets Tomcat's page.
 */
class ContainerErrorReport extends ErrorReportValve {

	static final String UNREADABLE_ADDRESS = "The address could not be read: it has a '%' not followed by two hex "
			+ "digits, or an encoded '/', '\\' or NUL character.";

	private static final Logger log = LoggerFactory.getLogger(ContainerErrorReport.class);

	private final ObjectProvider<ErrorReplies> replies;

	private final ObjectProvider<SecurityHeaders> headers;

	private final Context application;

	/**
	 * @param replies looked up when the first error comes, long after the web server (and
	 * this valve) was made
	 * @param application the one web application, whose pages an address refused before
	 * it was mapped still gets
	 */
	ContainerErrorReport(ObjectProvider<ErrorReplies> replies, ObjectProvider<SecurityHeaders> headers,
			Context application) {
		this.replies = replies;
		this.headers = headers;
		this.application = application;
	}

	/** Puts this in place of the error report valve of the application's host. */
	void install() {
		Host host = (Host) application.getParent();
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (host instanceof StandardHost standard) {
			// Tomcat adds a valve of this class when it finds none at start.
			standard.setErrorReportValveClass(ContainerErrorReport.class.getName());
		}
		host.getPipeline().addValve(this);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// As Tomcat's own report: only an error that nothing has answered yet.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		Problem problem = known == HttpStatus.BAD_REQUEST ? Problem.of(known, UNREADABLE_ADDRESS)
				: Problem.of(known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR);
		try {
			HttpServletRequest mapped = mapped(request);
			HttpServletResponse unencoded = unencoded(response);
			headers.getObject().writeHeaders(mapped, unencoded);
			replies.getObject().write(mapped, unencoded, problem, throwable);
			response.finishResponse();
		}
		catch (IOException | ServletException | RuntimeException ex) {
			log.warn("Could not answer {} for {}: {}", status, request.getRequestURI(), ex.toString());
		}
	}

	/**
	 * {@code request} as if the application had it: an address Tomcat refused was never
	 * mapped to it, but the error page is made with its templates and links.
	 */
	private HttpServletRequest mapped(Request request) {
		if (request.getContext() != null) {
			return request;
		}
		ServletContext servletContext = application.getServletContext();
		String contextPath = application.getPath();
		// Kept here: Tomcat tells the request's context of every attribute set, and there
		// is none.
		Map<String, Object> attributes = new HashMap<>();
		request.getAttributeNames()
			.asIterator()
			.forEachRemaining(name -> attributes.put(name, request.getAttribute(name)));
		return new HttpServletRequestWrapper(request) {

			@Override
			public ServletContext getServletContext() {
				return servletContext;
			}

			@Override
			public String getContextPath() {
				return contextPath;
			}

			@Override
			public Object getAttribute(String name) {
				return attributes.get(name);
			}

			@Override
			public Enumeration<String> getAttributeNames() {
				return Collections.enumeration(attributes.keySet());
			}

			@Override
			public void setAttribute(String name, Object value) {
				if (value == null) {
					attributes.remove(name);
				}
				else {
					attributes.put(name, value);
				}
			}

			@Override
			public void removeAttribute(String name) {
				attributes.remove(name);
			}

		};
	}

	/**
	 * Links on the page as they are: no session is ever kept in an address, and no
	 * context to ask.
	 */
	private static HttpServletResponse unencoded(Response response) {
		return new HttpServletResponseWrapper(response) {

			@Override
			public String encodeURL(String url) {
				return url;
			}

			@Override
			public String encodeRedirectURL(String url) {
				return url;
			}

		};
	}

}
