package dev.faqkb.system;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection without tokens, for every form and script on the site that changes
 * something (votes, and any other POST, PUT, PATCH or DELETE): a request is refused when
 * the browser says it comes from another site. Pages then carry no token, so they can be
 * the same bytes for every reader.
 * <p>
 * The browser's own signals decide, the way Go's {@code http.CrossOriginProtection} does
 * (Spring Security 7 has no such option yet): {@code Sec-Fetch-Site} when it is sent
 * (every current browser, over HTTPS and on localhost), accepted only as
 * {@code same-origin} or {@code none} (typed or bookmarked); otherwise {@code Origin},
 * accepted only when its host is the one the request was sent to. A request with neither
 * header is not from a browser that could be tricked into sending it (a script of an
 * integration, {@code curl}), so it passes.
 */
class CrossOriginProtection extends HttpFilter {

	private final ErrorReplies replies;

	private final Set<String> exempt;

	/**
	 * @param exempt addresses that other servers post to, and that no page of this site
	 * posts to
	 */
	CrossOriginProtection(ErrorReplies replies, Collection<String> exempt) {
		this.replies = replies;
		this.exempt = Set.copyOf(exempt);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (safe(request.getMethod()) || sameOrigin(request)
				|| exempt.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
			chain.doFilter(request, response);
			return;
		}
		replies.write(request, response, Problem.crossSite(), null);
	}

	private static boolean safe(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
	}

	static boolean sameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return "same-origin".equals(site) || "none".equals(site);
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true;
		}
		String host = hostOf(origin);
		if (host == null) {
			return false; // "null", sent from sandboxed frames and some redirects, is not
							// this site
		}
		// The Host header, as Go compares it; the server's own name also honours
		// X-Forwarded-Host behind a proxy
		// when server.forward-headers-strategy is set.
		return host.equalsIgnoreCase(request.getHeader("Host"))
				|| host.equalsIgnoreCase(request.getServerName() + ":" + request.getServerPort())
				|| host.equalsIgnoreCase(request.getServerName()) && defaultPort(request);
	}

	private static String hostOf(String origin) {
		try {
			URI uri = URI.create(origin);
			if (uri.getHost() == null) {
				return null;
			}
			return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
		}
		catch (IllegalArgumentException unreadable) {
			return null;
		}
	}

	private static boolean defaultPort(HttpServletRequest request) {
		int port = request.getServerPort();
		return port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
	}

}
