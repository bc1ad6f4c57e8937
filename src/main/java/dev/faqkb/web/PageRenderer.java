package dev.faqkb.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Renders a page template to bytes, to be kept as a {@link CachedPage}. The render goes
 * through the request only for what every request has alike (links, and asset addresses
 * with their content hash); the locale is the page's language ({@link PageLanguage},
 * English for pages without one), never the reader's, templates of cached pages read
 * nothing of the request, and whatever the render would set on the response (headers,
 * cookies) is dropped: the cached page's own headers are the only ones written. A page
 * made for one request only is rendered straight to its response instead ({@link #once}).
 */
@Component
class PageRenderer {

	static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

	private final ThymeleafViewResolver views;

	PageRenderer(ThymeleafViewResolver views) {
		this.views = views;
	}

	/** The page, gzipped as it renders: only its gzipped bytes are ever held whole. */
	CachedPage render(String template, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		return render(template, model, request, response, Deflater.BEST_COMPRESSION);
	}

	/**
	 * As {@link #render(String, Map, HttpServletRequest, HttpServletResponse)}, gzipped
	 * at {@code level}: the fastest for a page sent once and kept by nobody.
	 */
	CachedPage render(String template, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
			int level) {
		CachedPage.Body body = new CachedPage.Body(16 * 1024, level);
		render(template, model, request, new Buffer(response, body));
		return body.page(HTML, CachedPage.REVALIDATE);
	}

	/** The page as UTF-8 bytes. */
	byte[] html(String template, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
		render(template, model, request, new Buffer(response, bytes));
		return bytes.toByteArray();
	}

	/**
	 * A page made for one request and kept by nobody (an answer with the words of a
	 * search marked): written to the response as it renders, never held whole, and
	 * compressed by the server as it goes rather than at the best level as a kept page
	 * is. It has no {@code ETag}: nothing keeps it to compare with.
	 */
	View once(String template, Map<String, ?> model) {
		View view = view(template, model);
		return new View() {

			@Override
			public String getContentType() {
				return HTML;
			}

			@Override
			public void render(Map<String, ?> unused, HttpServletRequest request, HttpServletResponse response)
					throws Exception {
				response.setHeader(HttpHeaders.CACHE_CONTROL, CachedPage.REVALIDATE);
				view.render(model, request, response);
			}

		};
	}

	private void render(String template, Map<String, ?> model, HttpServletRequest request, Buffer buffer) {
		try {
			view(template, model).render(model, request, buffer);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + template, ex);
		}
		buffer.flush();
	}

	private View view(String template, Map<String, ?> model) {
		// the page's own language (dates, interface words), never the reader's
		Locale locale = model.get("language") instanceof PageLanguage language ? language.locale() : Locale.ENGLISH;
		try {
			return views.resolveViewName(template, locale);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not find the template " + template, ex);
		}
	}

	/**
	 * UTF-8, a long string a slice at a time: Java 17's encoder first copies each string
	 * it is given into a char array of its length, 10 MB for an answer of 5 MB. A
	 * character split between slices is joined again by the encoder.
	 */
	private static final class Utf8Writer extends OutputStreamWriter {

		private static final int SLICE = 8 * 1024;

		Utf8Writer(OutputStream bytes) {
			super(bytes, StandardCharsets.UTF_8);
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			for (int end = offset + length; offset < end; offset += SLICE) {
				super.write(text, offset, Math.min(SLICE, end - offset));
			}
		}

	}

	/**
	 * Keeps what the view writes, and none of what it sets, away from the real response.
	 */
	private static final class Buffer extends HttpServletResponseWrapper {

		private final PrintWriter writer;

		/**
		 * @param bytes where the page goes, as UTF-8
		 */
		Buffer(HttpServletResponse response, OutputStream bytes) {
			super(response);
			this.writer = new PrintWriter(new Utf8Writer(bytes));
		}

		void flush() {
			writer.flush();
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
