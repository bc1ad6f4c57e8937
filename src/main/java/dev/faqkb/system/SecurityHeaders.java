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
 * Writes the security headers on every response, before anything else is written: cached pages and assets are
 * served ahead of Spring Security's chain, which only guards the admin pages. Spring Security's
 * {@link HeaderWriter}s, so that any header its DSL offers can be added here; a plain filter rather than its
 * {@code HeaderWriterFilter}, which wraps every request and response to write late.
 */
class SecurityHeaders extends HttpFilter {

	private final List<HeaderWriter> writers;

	SecurityHeaders(List<HeaderWriter> writers) {
		this.writers = List.copyOf(writers);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		for (HeaderWriter writer : writers) {
			writer.writeHeaders(request, response);
		}
		chain.doFilter(request, response);
	}

}
