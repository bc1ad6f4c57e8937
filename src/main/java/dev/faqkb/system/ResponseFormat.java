package dev.faqkb.system;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one rule for answering with JSON or with a page: JSON for addresses under
 * {@code /api/} and for those that other servers call ({@link #FOR_OTHER_SERVERS}), and
 * when the {@code Accept} header names JSON before HTML (as {@code static/js/feedback.js}
 * does); a page otherwise, which is what browsers get.
 */
public final class ResponseFormat {

	/**
	 * Called by chat servers and AI assistants, never from our pages: the slash command
	 * and the MCP server. Answered in JSON whatever they accept, and exempt from the
	 * cross-origin check ({@link CrossOriginProtection}).
	 */
	static final List<String> FOR_OTHER_SERVERS = List.of("/integrations/slash", "/mcp");

	private ResponseFormat() {
	}

	public static boolean json(HttpServletRequest request) {
		// While the container shows an error page the request is for /error; the reader
		// asked for the original.
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = original instanceof String uri ? uri : request.getRequestURI();
		path = path.substring(Math.min(path.length(), request.getContextPath().length()));
		return path.startsWith("/api/") || FOR_OTHER_SERVERS.contains(path)
				|| asksForJson(request.getHeader(HttpHeaders.ACCEPT));
	}

	/**
	 * Whether {@code accept} names JSON before HTML, by quality and then by order;
	 * wildcards decide nothing.
	 */
	static boolean asksForJson(String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException unreadable) {
			return false;
		}
		return types.stream()
			.filter(type -> type.getQualityValue() > 0)
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.filter(type -> isJson(type) || isHtml(type))
			.findFirst()
			.map(ResponseFormat::isJson)
			.orElse(false);
	}

	private static boolean isJson(MediaType type) {
		return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || "json".equals(type.getSubtypeSuffix());
	}

	private static boolean isHtml(MediaType type) {
		return MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
				|| MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type);
	}

}
