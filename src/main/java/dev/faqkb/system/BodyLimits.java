package dev.faqkb.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UriTemplate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Holds every request body to the limit of its address ({@link BodyLimit}) before
 * anything reads it, so that no request can fill the heap with its body. A body declared
 * larger ({@code Content-Length}) is never read: whatever asks for it (its parameters,
 * its stream) gets a {@link ContentTooLargeException}, which its handler answers (a form
 * may show itself again) or, outside Spring MVC, this filter does, through
 * {@link ErrorReplies}: a 413. A body sent without a length is counted as it is read, and
 * refused the same way once it goes over. Forms sent without a length are parsed by
 * Tomcat, which reads at most {@link #DEFAULT_MAX_BYTES} of them
 * ({@link ContainerErrorReport} configures it); no browser sends one.
 */
class BodyLimits extends HttpFilter {

	/**
	 * The most any address without a limit of its own takes, and the most Tomcat parses
	 * of a form sent without a length: the forms Tomcat parses (votes, "Ask us", the
	 * admin's) are smaller.
	 */
	static final int DEFAULT_MAX_BYTES = 16 * 1024;

	private final List<Limit> limits;

	private final ErrorReplies replies;

	BodyLimits(Collection<BodyLimit> limits, ErrorReplies replies) {
		this.limits = limits.stream().map(limit -> new Limit(new UriTemplate(limit.path()), limit.maxBytes())).toList();
		this.replies = replies;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		long length = request.getContentLengthLong();
		boolean unknownLength = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		long max = length > 0 || unknownLength ? maxBytes(request) : 0;
		if (!unknownLength && length <= max) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(unknownLength ? new Counted(request, max) : new Unread(request, max), response);
		}
		catch (ContentTooLargeException refused) {
			refuse(request, response, refused);
		}
		catch (ServletException failure) {
			if (!(failure.getRootCause() instanceof ContentTooLargeException refused)) {
				throw failure;
			}
			refuse(request, response, refused);
		}
	}

	long maxBytes(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Limit limit : limits) {
			if (limit.path().matches(path)) {
				return limit.maxBytes();
			}
		}
		return DEFAULT_MAX_BYTES;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, ContentTooLargeException refused)
			throws IOException, ServletException {
		if (response.isCommitted()) {
			throw refused; // a reply is on its way already; the container logs this one
		}
		replies.write(request, response, refused.problem(), refused);
	}

	private record Limit(UriTemplate path, long maxBytes) {
	}

	/** A request whose body is not to be read: asking for it in any way is refused. */
	private static final class Unread extends HttpServletRequestWrapper {

		private final long maxBytes;

		Unread(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() {
			throw new ContentTooLargeException(maxBytes);
		}

		@Override
		public BufferedReader getReader() {
			throw new ContentTooLargeException(maxBytes);
		}

		@Override
		public String getParameter(String name) {
			throw new ContentTooLargeException(maxBytes);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			throw new ContentTooLargeException(maxBytes);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			throw new ContentTooLargeException(maxBytes);
		}

		@Override
		public String[] getParameterValues(String name) {
			throw new ContentTooLargeException(maxBytes);
		}

		@Override
		public Collection<Part> getParts() {
			throw new ContentTooLargeException(maxBytes);
		}

		@Override
		public Part getPart(String name) {
			throw new ContentTooLargeException(maxBytes);
		}

	}

	/**
	 * A request whose body has no length: its stream refuses to give more than the limit,
	 * and Tomcat's refusal of a form too large to parse becomes the same
	 * {@link ContentTooLargeException}.
	 */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountedStream(super.getInputStream(), maxBytes);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public String getParameter(String name) {
			try {
				return super.getParameter(name);
			}
			catch (InvalidParameterException refused) {
				throw translated(refused);
			}
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			try {
				return super.getParameterMap();
			}
			catch (InvalidParameterException refused) {
				throw translated(refused);
			}
		}

		@Override
		public Enumeration<String> getParameterNames() {
			try {
				return super.getParameterNames();
			}
			catch (InvalidParameterException refused) {
				throw translated(refused);
			}
		}

		@Override
		public String[] getParameterValues(String name) {
			try {
				return super.getParameterValues(name);
			}
			catch (InvalidParameterException refused) {
				throw translated(refused);
			}
		}

		private static RuntimeException translated(InvalidParameterException refused) {
			return refused.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
					? new ContentTooLargeException(DEFAULT_MAX_BYTES) : refused;
		}

	}

	private static final class CountedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long read;

		CountedStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > maxBytes) {
				throw new ContentTooLargeException(maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
