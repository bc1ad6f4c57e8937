package dev.faqkb.integrations;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faqkb.system.ContentTooLargeException;
import dev.faqkb.system.ErrorReplies;
import dev.faqkb.system.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the slash command's body before anything parses it, so that
 * {@link SlackSignatures} can check the very bytes Slack signed, and serves the request's
 * parameters from those bytes ({@link ReplayedRequest}). Spring's
 * {@code ContentCachingRequestWrapper} does not fit: once a form post's parameters are
 * read, it gives them encoded again (in another order, with other escapes), not the bytes
 * that came. Must run before anything that reads a parameter, since the servlet container
 * then reads the body itself.
 * <p>
 * A slash command's form is well under a kilobyte: a body over {@value #MAX_BYTES} bytes
 * is refused with 413 (the limit {@link SlashCommandConfiguration} declares, so
 * {@code system} holds the body to it before this reads it), and a form that is not
 * URL-encoded with 400, each through {@link ErrorReplies}.
 */
final class SlashRequestBody extends HttpFilter {

	static final int MAX_BYTES = 64 * 1024;

	static final String MALFORMED = "The form of this slash command is not URL-encoded (a % not followed by two hex digits).";

	private static final String ATTRIBUTE = SlashRequestBody.class.getName();

	private final ErrorReplies replies;

	SlashRequestBody(ErrorReplies replies) {
		this.replies = replies;
	}

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
		// Held to the limit already; one byte past it is read all the same, so that this
		// filter is safe on its own.
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			throw new ContentTooLargeException(MAX_BYTES);
		}
		Charset charset = charset(request);
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		try {
			// As the servlet container does: the query string's parameters first, then
			// the form's.
			parse(request.getQueryString(), StandardCharsets.UTF_8, parameters);
			if (isForm(request)) {
				parse(new String(body, charset), charset, parameters);
			}
		}
		catch (IllegalArgumentException malformed) {
			replies.write(request, response, Problem.of(HttpStatus.BAD_REQUEST, MALFORMED), malformed);
			return;
		}
		request.setAttribute(ATTRIBUTE, body);
		chain.doFilter(new ReplayedRequest(request, body, charset, parameters), response);
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

	/**
	 * Adds the parameters of {@code encoded} ({@code a=1&b=2}) to {@code into}; a name
	 * without {@code =} has "".
	 */
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

}
