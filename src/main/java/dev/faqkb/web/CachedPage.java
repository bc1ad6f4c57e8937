package dev.faqkb.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import dev.faqkb.content.Question;
import dev.faqkb.system.Gzip;
import dev.faqkb.system.Sha256;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A response made once and written many times: the body gzipped once (at the best
 * compression, since it is paid once), a strong {@code ETag} from its content, and its
 * {@code Cache-Control}. Readers whose browser takes gzip get those bytes as they are;
 * others get them inflated, which is rare enough not to keep a second copy. A request
 * whose {@code If-None-Match} names the page gets a {@code 304}. Immutable and
 * thread-safe; also a {@link View}, so a controller can return it.
 *
 * @param gzip the body, gzipped
 * @param length the body's length before compression
 * @param etag the strong entity tag of the body as it is; the gzipped body's is
 * {@code gzipEtag}
 * @param answer the question whose own page this is, so that serving it counts a view;
 * {@code null} otherwise
 * @param expiresAt when the page must be made again ({@link System#currentTimeMillis()}),
 * {@link Long#MAX_VALUE} when only new content replaces it
 */
record CachedPage(byte[] gzip, int length, String etag, String gzipEtag, String contentType, String cacheControl,
		Question answer, long expiresAt) implements View {

	/**
	 * Pages: anyone may keep them, and must ask again (a cheap 304) before showing them,
	 * as content may change.
	 */
	static final String REVALIDATE = "no-cache, public";

	/**
	 * Search results pages: each carries the id its search was logged under, this
	 * reader's, kept by no cache.
	 */
	static final String NO_STORE = CacheControl.noStore().getHeaderValue();

	static CachedPage of(byte[] body, String contentType, String cacheControl) {
		return of(body, contentType, cacheControl, Deflater.BEST_COMPRESSION);
	}

	/**
	 * As {@link #of(byte[], String, String)}, gzipped at {@code level}: the fastest for a
	 * page sent once and not kept.
	 */
	static CachedPage of(byte[] body, String contentType, String cacheControl, int level) {
		Body page = new Body(body.length / 3 + 64, level);
		page.write(body, 0, body.length);
		return page.page(contentType, cacheControl);
	}

	CachedPage withAnswer(Question question) {
		return new CachedPage(gzip, length, etag, gzipEtag, contentType, cacheControl, question, expiresAt);
	}

	CachedPage withCacheControl(String value) {
		return new CachedPage(gzip, length, etag, gzipEtag, contentType, value, answer, expiresAt);
	}

	CachedPage expiringAt(long millis) {
		return new CachedPage(gzip, length, etag, gzipEtag, contentType, cacheControl, answer, millis);
	}

	boolean expired() {
		return expiresAt != Long.MAX_VALUE && System.currentTimeMillis() >= expiresAt;
	}

	/** What the page takes on the heap, near enough for a cache bound. */
	int weight() {
		return gzip.length + 200;
	}

	@Override
	public String getContentType() {
		return contentType;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		write(request, response);
	}

	void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean gzipped = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		response.setHeader(HttpHeaders.ETAG, gzipped ? gzipEtag : etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(contentType);
		boolean head = "HEAD".equals(request.getMethod());
		if (gzipped) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			response.setContentLength(gzip.length);
			if (!head) {
				response.getOutputStream().write(gzip);
			}
		}
		else {
			response.setContentLength(length);
			if (!head) {
				try (InputStream body = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
					body.transferTo(response.getOutputStream());
				}
			}
		}
	}

	/**
	 * Weak comparison, as RFC 9110 asks for {@code If-None-Match}; either coding's tag
	 * names this page.
	 */
	boolean matches(String ifNoneMatch) {
		return matches(ifNoneMatch, etag, gzipEtag);
	}

	/**
	 * Weak comparison, as RFC 9110 asks for {@code If-None-Match}, with any of
	 * {@code etags}.
	 */
	static boolean matches(String ifNoneMatch, String... etags) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String tag : ifNoneMatch.split(",")) {
			tag = tag.strip();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.equals("*") || java.util.Arrays.asList(etags).contains(tag)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code Accept-Encoding} takes gzip: named (or {@code *}) without
	 * {@code q=0}.
	 */
	static boolean acceptsGzip(String acceptEncoding) {
		return Gzip.accepted(acceptEncoding);
	}

	/**
	 * A page's body as it is written, gzipped and hashed on the way: a page is never held
	 * whole before compression, only its gzipped bytes. Not thread-safe: one writer, then
	 * {@link #page} once.
	 */
	static final class Body extends OutputStream {

		private final ByteArrayOutputStream gzipped;

		private final OutputStream gzip;

		private final MessageDigest sha256;

		private final int level;

		private long length;

		/**
		 * At the best compression: for a page that is kept.
		 * @param expected about how many gzipped bytes to expect
		 */
		Body(int expected) {
			this(expected, Deflater.BEST_COMPRESSION);
		}

		/**
		 * @param expected about how many gzipped bytes to expect
		 * @param level the gzip level: the best for a page kept and sent many times, the
		 * fastest for one sent once
		 */
		Body(int expected, int level) {
			this.gzipped = new ByteArrayOutputStream(expected);
			this.sha256 = Sha256.digest();
			this.level = level;
			try {
				this.gzip = Gzip.stream(gzipped, level);
			}
			catch (IOException cannotHappenInMemory) {
				throw new UncheckedIOException(cannotHappenInMemory);
			}
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int count) {
			sha256.update(bytes, offset, count);
			try {
				gzip.write(bytes, offset, count);
			}
			catch (IOException cannotHappenInMemory) {
				throw new UncheckedIOException(cannotHappenInMemory);
			}
			length += count;
		}

		/** The page of what was written. */
		CachedPage page(String contentType, String cacheControl) {
			try {
				gzip.close();
			}
			catch (IOException cannotHappenInMemory) {
				throw new UncheckedIOException(cannotHappenInMemory);
			}
			// a page is sent with its Content-Length, an int
			int size = Math.toIntExact(length);
			String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256.digest(), 16));
			// the gzipped bytes differ by level, so their tag does too
			String gzipTag = level == Deflater.BEST_COMPRESSION ? "-gzip" : "-gzip" + level;
			return new CachedPage(gzipped.toByteArray(), size, '"' + hash + '"', '"' + hash + gzipTag + '"',
					contentType, cacheControl, null, Long.MAX_VALUE);
		}

	}

}
