package dev.faqkb.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import dev.faqkb.site.Snapshot;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers a search or a suggestion of the JSON API asked for the first time (not in the
 * page cache) from {@link CachedPagesFilter}, as a page already made is: without Spring
 * MVC's dispatch, its argument binding and view resolution, or the filters behind this
 * one, which such a request does not need (Spring Security guards only the admin pages,
 * and a {@code GET} has no form). Most searches are asked once and every keystroke of the
 * search box is a new prefix, so that path was most of what a new suggestion cost over
 * the engine's own work (bench/README.md, "Cold path").
 * <p>
 * Only a plain address is answered here: each parameter the controllers read given at
 * most once, numbers written as digits, {@code q} within its length and {@code lang} a
 * language of the site. Anything else, and a request whose reply could not be made, goes
 * on to the controllers ({@link SearchApiController}, {@link SuggestApiController}),
 * which answer it or refuse it with their message; both make the reply with
 * {@link ApiReplies}, and the filter writes the reply as it writes a kept page, with the
 * locale Spring MVC would set, so the bytes are the same either way. Thread-safe.
 */
class NewApiRequests {

	static final String SEARCH = "/api/search";

	static final String SUGGEST = "/api/suggest";

	private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "lang", "category", "limit", "offset");

	private static final Set<String> SUGGEST_PARAMETERS = Set.of("q", "lang");

	private final ApiReplies replies;

	NewApiRequests(ApiReplies replies) {
		this.replies = replies;
	}

	/**
	 * The reply to {@code request} at {@code path} (without the context path), made from
	 * {@code snapshot}, when it is a plain {@code GET} of the search or suggestion API;
	 * {@code null} when it goes on to the controllers.
	 */
	CachedPage reply(Snapshot snapshot, String path, HttpServletRequest request) {
		boolean search = SEARCH.equals(path);
		if (!(search || SUGGEST.equals(path)) || !"GET".equals(request.getMethod()) || request.getQueryString() == null
				|| !readable(request.getQueryString())) {
			return null;
		}
		Map<String, String[]> parameters = request.getParameterMap();
		Set<String> read = search ? SEARCH_PARAMETERS : SUGGEST_PARAMETERS;
		for (String name : read) {
			String[] values = parameters.get(name);
			if (values != null && values.length != 1) {
				// Spring MVC joins several values with commas: rare, and left to it
				return null;
			}
		}
		String q = value(parameters, "q");
		if (q == null) {
			q = "";
		}
		if (q.length() > SearchController.MAX_QUERY_LENGTH) {
			return null;
		}
		int limit = 10;
		int offset = 0;
		if (search) {
			limit = number(value(parameters, "limit"), 10);
			offset = number(value(parameters, "offset"), 0);
			if (limit < 1 || offset < 0 || offset > ApiReplies.MAX_OFFSET) {
				return null;
			}
		}
		Snapshot.Edition edition = Languages.find(snapshot, value(parameters, "lang")).orElse(null);
		if (edition == null) {
			return null;
		}
		try {
			return search ? replies.search(snapshot, edition, q, value(parameters, "category"), limit, offset, request)
					: replies.suggest(snapshot, edition, q, request);
		}
		catch (RuntimeException failed) {
			// the controller tries again, and its error handling says what went wrong
			return null;
		}
	}

	/**
	 * Whether {@code query} decodes to UTF-8 without a stray {@code %}. Otherwise its
	 * parameters are not read here: Tomcat reports an address it cannot read once, to the
	 * first reader of the parameters, and the controllers' error handling is what says
	 * what is wrong with it. A query with a replacement character of its own goes there
	 * too, which answers it the same, only later.
	 */
	private static boolean readable(String query) {
		try {
			return URLDecoder.decode(query, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0;
		}
		catch (IllegalArgumentException strayPercent) {
			return false;
		}
	}

	private static String value(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null ? null : values[0];
	}

	/**
	 * {@code text} as a number as Spring MVC would read it for these parameters:
	 * {@code fallback} when missing or empty; -1 (refused, so the controller says why)
	 * when not 1 to 9 digits.
	 */
	private static int number(String text, int fallback) {
		if (text == null || text.isEmpty()) {
			return text == null ? fallback : -1;
		}
		if (text.length() > 9) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
		}
		return Integer.parseInt(text);
	}

}
