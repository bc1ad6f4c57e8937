package dev.faqkb.integrations;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the slash command's body before anything parses it, so that {@link SlackSignatures} can check the very
 * bytes Slack signed, and serves the request's parameters from those bytes. Spring's
 * {@code ContentCachingRequestWrapper} does not fit: once a form post's parameters are read, it gives them encoded
 * again (in another order, with other escapes), not the bytes that came. Must run before anything that reads a
 * parameter, since the servlet container then reads the body itself.
 * <p>
 * A slash command's form is well under a kilobyte: a body over {@value #MAX_BYTES} bytes is refused with 413, and
 * a form that is not URL-encoded with 400, each as {@code {"error": "..."}}.
 */
final class SlashRequestBody extends HttpFilter {

	static final int MAX_BYTES = 64 * 1024;

	static final String TOO_LARGE = "The body of this slash command is larger than " + MAX_BYTES / 1024
			+ " KB; a slash command's form is far smaller.";

	static final String MALFORMED = "The form of this slash command is not URL-encoded (a % not followed by two hex digits).";

	private static final String ATTRIBUTE = SlashRequestBody.class.getName();

	/** The body of {@code request} as it came, read by this filter. */
	static byte[] of(HttpServletRequest request) {
		if (!(request.getAttribute(ATTRIBUTE) instanceof byte[] body)) {
			throw new IllegalStateException("SlashRequestBody is not registered for " + request.getRequestURI());
		}
		return body;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
			return;
		}
		// A chunked body has no length: read one byte past the limit to know.
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
			return;
		}
		Charset charset = charset(request);
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		try {
			// As the servlet container does: the query string's parameters first, then the form's.
			parse(request.getQueryString(), StandardCharsets.UTF_8, parameters);
			if (isForm(request)) {
				parse(new String(body, charset), charset, parameters);
			}
		}
		catch (IllegalArgumentException malformed) {
			refuse(response, HttpStatus.BAD_REQUEST, MALFORMED);
			return;
		}
		request.setAttribute(ATTRIBUTE, body);
		chain.doFilter(new Replayed(request, body, charset, parameters), response);
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		// The messages are constants without quotes or backslashes: no JSON escaping needed.
		response.getWriter().write("{\"error\": \"" + message + "\"}");
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		try {
			return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
		}
		catch (IllegalArgumentException unreadable) {
			return false;
		}
	}

	private static Charset charset(HttpServletRequest request) {
		String name = request.getCharacterEncoding();
		try {
			return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
			return StandardCharsets.UTF_8;
		}
	}

	/** Adds the parameters of {@code encoded} ({@code a=1&b=2}) to {@code into}; a name without {@code =} has "". */
	static void parse(String encoded, Charset charset, Map<String, List<String>> into) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
			String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
			into.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
		}
	}

	/** The request with its body read again from memory and its parameters from {@link #parse}. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		private final Charset charset;

		private final Map<String, String[]> parameters;

		Replayed(HttpServletRequest request, byte[] body, Charset charset, Map<String, List<String>> parameters) {
			super(request);
			this.body = body;
			this.charset = charset;
			Map<String, String[]> arrays = new LinkedHashMap<>();
			parameters.forEach((name, values) -> arrays.put(name, values.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(arrays);
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BytesInputStream(body);
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values.clone();
		}

	}

	private static final class BytesInputStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BytesInputStream(byte[] body) {
			this.in = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("The body is already in memory; read it at once");
		}

	}

}
