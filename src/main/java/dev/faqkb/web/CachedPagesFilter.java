package dev.faqkb.web;

import java.io.IOException;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.faqkb.content.Editions;
import dev.faqkb.content.ServedFile;
import dev.faqkb.site.AnswerViews;
import dev.faqkb.site.LanguagePrefix;
import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;

import org.springframework.http.HttpHeaders;

import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves pages already made for the snapshot a request reads, the static files, and the
 * images and files of the content folder that the content uses
 * ({@link ContentFileReplies}) straight from memory or disk: no Spring MVC, no Spring
 * Security, nothing per visitor. Only {@code GET} and {@code HEAD} of an address (query
 * string included) that a controller has kept; everything else, and a page not made yet,
 * goes on to the controllers, which make and keep it ({@link PageCache}). An answer asked
 * for with {@code hl} is never kept, so it always reaches its controller. A kept first
 * page of search results ({@link ResultsPage}) is written here too, with the id its
 * search is logged under, as {@link SearchController} would. The sitemap (and its parts),
 * robots.txt and the OpenSearch description name the site's address, from the request
 * when {@code site.yml} has no {@code baseUrl}: each is looked up under the address this
 * request gives, never another's.
 */
class CachedPagesFilter extends HttpFilter {

	// the search page's address in any language: /search, /fr/search
	// (LanguagePrefix.VARIABLE),
	// never /api/search
	private static final Pattern SEARCH = Pattern
		.compile("(/(?!(?:" + LanguagePrefix.NOT_A_LANGUAGE + ")/)" + Editions.TAG + ")?/search");

	private final SnapshotStore store;

	private final PageCache pages;

	private final StaticAssets assets;

	private final AnswerViews views;

	private final SearchListener searches;

	private final ContentFileReplies files;

	private final NewApiRequests api;

	private final LocaleResolver locales;

	CachedPagesFilter(SnapshotStore store, PageCache pages, StaticAssets assets, AnswerViews views,
			SearchListener searches, ContentFileReplies files, NewApiRequests api, LocaleResolver locales) {
		this.store = store;
		this.pages = pages;
		this.assets = assets;
		this.views = views;
		this.searches = searches;
		this.files = files;
		this.api = api;
		this.locales = locales;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String method = request.getMethod();
		if (!("GET".equals(method) || "HEAD".equals(method))) {
			chain.doFilter(request, response);
			return;
		}
		String key = PageCache.key(request);
		if (key.startsWith(ServedFile.PREFIX)) {
			// An image or file of the content folder at the address pages link; anything
			// else goes on to its controller.
			ServedFile file = store.current().catalog().files().atUrl(key).orElse(null);
			if (file == null || !files.write(file, request, response)) {
				chain.doFilter(request, response);
			}
			return;
		}
		CachedPage page = assets.find(key);
		if (page == null) {
			// The current snapshot, not kept on the request: a request that goes on reads
			// it afresh (SnapshotAdvice).
			Snapshot snapshot = store.current();
			if (searchAddress(request)) {
				// Results are kept under their own keys (PageCache.results): no page is
				// kept at a search's address.
				if (!searchResults(snapshot, key, request, response)) {
					chain.doFilter(request, response);
				}
				return;
			}
			page = DiscoveryController.hosted(key)
					? pages.hosted(snapshot, PublicLinks.base(snapshot.catalog().site(), request), key)
					: pages.find(snapshot, key);
			if (page == null) {
				// a search or suggestion of the API asked for the first time is made here
				// too, as the controller would
				int query = key.indexOf('?');
				page = query < 0 ? null : api.reply(snapshot, key.substring(0, query), request);
				if (page == null) {
					chain.doFilter(request, response);
					return;
				}
			}
			// The page's language, as Spring MVC says it when it makes the page
			// (Content-Language, and the charset of a Content-Type without one): a kept
			// page, or one made here, is the same reply as the controller's.
			response.setLocale(locales.resolveLocale(request));
		}
		if (page.answer() != null) {
			views.viewed(page.answer(), request.getHeader(HttpHeaders.USER_AGENT));
		}
		page.write(request, response);
	}

	/**
	 * Whether {@code request} asks for a search's first page of results
	 * ({@code GET /search}, or a language's {@code /fr/search}, with a query string).
	 */
	private static boolean searchAddress(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) && request.getQueryString() != null
				&& SEARCH.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	/**
	 * Writes a kept first page of results for the search at {@code key} made from
	 * {@code snapshot}, with the id the search is logged under; when there is no such
	 * page, or the search cannot be logged, the controller answers (and asks the listener
	 * again, which then says no at once).
	 */
	private boolean searchResults(Snapshot snapshot, String key, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		ResultsPage page = pages.results(snapshot, key);
		if (page == null) {
			return false;
		}
		// A kept page is a first page of a search with words (SearchController keeps no
		// other).
		OptionalLong searchId = page.logged(searches, request.getParameter("q"), request.getParameter("category"));
		if (searchId.isEmpty()) {
			return false;
		}
		page.write(searchId.getAsLong(), request, response);
		return true;
	}

}
