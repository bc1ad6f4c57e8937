package dev.faqkb.integrations;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter has read ({@link SlashRequestBody}, {@link McpMessages}):
 * the body is read again from memory, and the parameters are those the filter gives, or
 * the request's own.
 */
final class ReplayedRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	private final Charset charset;

	private final Map<String, String[]> parameters;

	/**
	 * @param parameters the request's parameters, from its query string and body;
	 * {@code null} for its own
	 */
	ReplayedRequest(HttpServletRequest request, byte[] body, Charset charset, Map<String, List<String>> parameters) {
		super(request);
		this.body = body;
		this.charset = charset;
		if (parameters == null) {
			this.parameters = null;
			return;
		}
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
		if (parameters == null) {
			return super.getParameter(name);
		}
		String[] values = parameters.get(name);
		return values == null ? null : values[0];
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return parameters == null ? super.getParameterMap() : parameters;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		if (parameters == null) {
			return super.getParameterValues(name);
		}
		String[] values = parameters.get(name);
		return values == null ? null : values.clone();
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
