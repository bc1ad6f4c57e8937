package dev.faqkb.web;

import java.io.IOException;

import dev.faqkb.site.AnswerViews;
import dev.faqkb.site.SnapshotStore;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves pages already made for the snapshot a request reads, and the static files, straight from memory: no
 * Spring MVC, no Spring Security, nothing per visitor. Only {@code GET} and {@code HEAD} of an address (query
 * string included) that a controller has kept; everything else, and a page not made yet, goes on to the
 * controllers, which make and keep it ({@link PageCache}). An answer asked for with {@code hl}, or a search page,
 * is never kept, so it always reaches its controller.
 */
class CachedPagesFilter extends HttpFilter {

	private final SnapshotStore store;

	private final PageCache pages;

	private final StaticAssets assets;

	private final AnswerViews views;

	CachedPagesFilter(SnapshotStore store, PageCache pages, StaticAssets assets, AnswerViews views) {
		this.store = store;
		this.pages = pages;
		this.assets = assets;
		this.views = views;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		CachedPage page = cached(request);
		if (page == null) {
			chain.doFilter(request, response);
			return;
		}
		if (page.answer() != null) {
			views.viewed(page.answer(), request.getHeader(HttpHeaders.USER_AGENT));
		}
		page.write(request, response);
	}

	private CachedPage cached(HttpServletRequest request) {
		String method = request.getMethod();
		if (!("GET".equals(method) || "HEAD".equals(method))) {
			return null;
		}
		String key = PageCache.key(request);
		CachedPage asset = assets.find(key);
		// The current snapshot, not kept on the request: a request that goes on reads it afresh (SnapshotAdvice).
		return asset != null ? asset : pages.find(store.current(), key);
	}

}
