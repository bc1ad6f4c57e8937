package dev.faqkb.system;

import java.io.IOException;
import java.util.List;

import org.springframework.security.web.header.HeaderWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the security headers on every response, pages, API, errors and admin alike,
 * before anything else is written: cached pages and assets are served ahead of Spring
 * Security's chain, which only guards the admin pages. Spring Security's
 * {@link HeaderWriter}s, so that any header its DSL offers can be added here; a plain
 * filter rather than its {@code HeaderWriterFilter}, which wraps every request and
 * response to write late.
 * <p>
 * The Content-Security-Policy allows scripts, styles and everything else from this site
 * only, and no inline script or style: the pages have none (the redirects of a category
 * page are a {@code type="application/json"} block, which the browser never runs), so
 * injected markup cannot run either. Answers are rendered as written, so an author's HTML
 * that loads an image from another site or uses a {@code style} attribute is blocked too,
 * in line with "load nothing from other sites".
 */
class SecurityHeaders extends HttpFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

	/**
	 * Answers ask for none of these, so no page (or anything injected into one) may use
	 * them.
	 */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	private final List<HeaderWriter> writers;

	SecurityHeaders(List<HeaderWriter> writers) {
		this.writers = List.copyOf(writers);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		writeHeaders(request, response);
		chain.doFilter(request, response);
	}

	/**
	 * Writes the headers on {@code response}; for what answers outside the filters
	 * ({@link ContainerErrorReport}).
	 */
	void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		for (HeaderWriter writer : writers) {
			writer.writeHeaders(request, response);
		}
	}

}
