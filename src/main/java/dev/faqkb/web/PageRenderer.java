package dev.faqkb.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Renders a page template to bytes, to be kept as a {@link CachedPage}. The render goes through the request only
 * for what every request has alike (links, and asset addresses with their content hash); the locale is the page's
 * language ({@link PageLanguage}, English for pages without one), never the reader's, templates of cached pages read nothing of the request, and whatever the render would
 * set on the response (headers, cookies) is dropped: the cached page's own headers are the only ones written.
 */
@Component
class PageRenderer {

	static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	private final ThymeleafViewResolver views;

	PageRenderer(ThymeleafViewResolver views) {
		this.views = views;
	}

	CachedPage render(String template, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		return CachedPage.of(html(template, model, request, response), HTML, CachedPage.REVALIDATE);
	}

	/** The page as UTF-8 bytes. */
	byte[] html(String template, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		Buffer buffer = new Buffer(response);
		try {
			// the page's own language (dates, interface words), never the reader's
			View view = views.resolveViewName(template,
					model.get("language") instanceof PageLanguage language ? language.locale() : Locale.ENGLISH);
			view.render(model, request, buffer);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + template, ex);
		}
		return buffer.bytes();
	}

	/** Keeps what the view writes, and none of what it sets, away from the real response. */
	private static final class Buffer extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);

		private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));

		Buffer(HttpServletResponse response) {
			super(response);
		}

		byte[] bytes() {
			writer.flush();
			return bytes.toByteArray();
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			throw new IllegalStateException("Page templates are written as text");
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setCharacterEncoding(Charset charset) {
		}

		@Override
		public void setContentLength(int length) {
		}

		@Override
		public void setContentLengthLong(long length) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void setStatus(int status) {
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

		@Override
		public void setIntHeader(String name, int value) {
		}

		@Override
		public void addIntHeader(String name, int value) {
		}

		@Override
		public void setDateHeader(String name, long date) {
		}

		@Override
		public void addDateHeader(String name, long date) {
		}

		@Override
		public void addCookie(Cookie cookie) {
		}

		@Override
		public void flushBuffer() {
		}

		@Override
		public void resetBuffer() {
		}

		@Override
		public void reset() {
		}

	}

}
