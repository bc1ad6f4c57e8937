package dev.faqkb.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.FaqkbProperties;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The pages of one snapshot, by address (with its query string, for the JSON API: the
 * same search asked again gets the same answer until the content changes), made on their
 * first request and kept until new content is loaded: a request for a snapshot newer than
 * the cached one starts an empty cache for it (the old one goes with the old snapshot),
 * and a request still reading an older snapshot while a reload swaps it gets its page
 * made afresh, so a page never comes from other content than the request reads. The same
 * again when a snapshot's vectors are ready and its search ranks by meaning too. Bounded
 * by {@code faqkb.pages.cache-size} (gzipped bytes); a page pushed out is made again when
 * asked for. Pages that name the address they were asked at ({@link #hosted}) are kept
 * apart, by that address, for at most {@link #HOSTED_ADDRESSES} addresses. Thread-safe.
 */
@Component
class PageCache {

	/**
	 * Before the address of a results page's key: no request's address starts with it.
	 */
	private static final String RESULTS = "results:";

	/**
	 * How long other requests get an expired page while one request makes it again, at
	 * most.
	 */
	private static final Duration REMAKE_CLAIM = Duration.ofSeconds(10);

	/**
	 * For how many addresses the pages that name the address they were asked at
	 * ({@link DiscoveryController}) are kept, per snapshot. Any visitor can send any
	 * {@code Host}, so these must be few; a site answers at one or two. An address keeps
	 * its robots.txt, OpenSearch description and sitemap (one file, or the index and its
	 * parts, which list each URL once): its sitemap once, gzipped, and 1 KB (sizes:
	 * bench/README.md, "Sitemap of 100,000 questions"). Pages for a further address are
	 * made for their request, and the least asked for address is let go with its pages
	 * (Caffeine keeps what is asked often, so a flood of made-up hosts does not push out
	 * the real one).
	 */
	static final int HOSTED_ADDRESSES = 4;

	/**
	 * How many searches asked once are remembered per snapshot, so that the second asking
	 * keeps its page ({@link #search}): a few hundred kilobytes of addresses.
	 */
	static final int ASKED = 10_000;

	private final long maxBytes;

	private volatile Pages pages;

	/** The pages being made now, by key ({@link #keep}). */
	private final Map<String, Making> making = new ConcurrentHashMap<>();

	PageCache(FaqkbProperties properties) {
		this.maxBytes = properties.pages().cacheSize().toBytes();
	}

	/**
	 * The address a page is kept under: the path, and the query string as sent when there
	 * is one.
	 */
	static String key(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		return query == null ? path : path + '?' + query;
	}

	/**
	 * The page at {@code path} made from {@code snapshot}, or {@code null} when it has
	 * not been made. A page that has expired (the home page with popular questions, once
	 * a minute) is {@code null} for one request, which makes it again, and still served
	 * to the others meanwhile: under load, not every request makes it at once.
	 */
	CachedPage find(Snapshot snapshot, String path) {
		Pages current = pages;
		// The claim goes into the same pages the page was found in, so it is read once.
		if (!(kept(current, snapshot, path) instanceof CachedPage page)) {
			return null;
		}
		if (!page.expired()) {
			return page;
		}
		long now = System.nanoTime();
		Long claimed = current.remaking().putIfAbsent(path, now);
		// A claim left by a request that failed to make the page is taken over after a
		// while.
		boolean mine = claimed == null
				|| now - claimed > REMAKE_CLAIM.toNanos() && current.remaking().replace(path, claimed, now);
		return mine ? null : page;
	}

	/**
	 * The results page for {@code request}'s search made from {@code snapshot}: from the
	 * cache, or made by {@code make} and kept (unless it made none) when the search was
	 * asked before in this snapshot; {@code null} the first time, when the page is made
	 * for its request alone (as {@link #search}). Kept apart from the pages that
	 * {@link CachedPagesFilter} serves as they are: each search writes its own id into
	 * its page.
	 */
	ResultsPage results(Snapshot snapshot, HttpServletRequest request, Supplier<ResultsPage> make) {
		if (unaddressed(request)) {
			return make.get();
		}
		String key = key(request);
		ResultsPage page = results(snapshot, key);
		if (page != null) {
			return page;
		}
		return askedBefore(snapshot, RESULTS + key) ? keep(snapshot, RESULTS + key, make) : null;
	}

	/**
	 * The results page kept for the search at {@code address} (path and query string), or
	 * {@code null}.
	 */
	ResultsPage results(Snapshot snapshot, String address) {
		return kept(pages, snapshot, RESULTS + address) instanceof ResultsPage page ? page : null;
	}

	/**
	 * The reply to a search or suggestion at {@code request}'s address made from
	 * {@code snapshot}: from the cache; or made by {@code make} and kept when the address
	 * was asked before in this snapshot (at the best compression, since it is paid once
	 * and sent again); or, the first time, made by {@code make} at the fastest
	 * compression for this request alone. Most searches are asked once, and a page kept
	 * for each would cost its best compression and push out pages that are asked again.
	 * @param make the page, gzipped at the given level ({@link Deflater})
	 */
	CachedPage search(Snapshot snapshot, HttpServletRequest request, IntFunction<CachedPage> make) {
		if (unaddressed(request)) {
			return make.apply(Deflater.BEST_SPEED);
		}
		String key = key(request);
		if (kept(pages, snapshot, key) instanceof CachedPage page && !page.expired()) {
			return page;
		}
		return askedBefore(snapshot, key) ? keep(snapshot, key, () -> make.apply(Deflater.BEST_COMPRESSION))
				: make.apply(Deflater.BEST_SPEED);
	}

	/**
	 * Whether {@code key} was asked before in {@code snapshot} as it ranks now; from now
	 * on it was. Remembers the last {@link #ASKED} addresses asked once.
	 */
	private boolean askedBefore(Snapshot snapshot, String key) {
		Pages current = pagesFor(snapshot, snapshot.index().semanticReady());
		return current != null && current.asked().asMap().putIfAbsent(key, Boolean.TRUE) != null;
	}

	/**
	 * The reply to {@code request} (its address and query string) made from
	 * {@code snapshot}: from the cache, or made by {@code make} and kept.
	 */
	CachedPage get(Snapshot snapshot, HttpServletRequest request, Supplier<CachedPage> make) {
		return unaddressed(request) ? make.get() : get(snapshot, key(request), make);
	}

	/**
	 * The page at {@code path} made from {@code snapshot}: from the cache, or made by
	 * {@code make} and kept.
	 */
	CachedPage get(Snapshot snapshot, String path, Supplier<CachedPage> make) {
		return kept(pages, snapshot, path) instanceof CachedPage page && !page.expired() ? page
				: keep(snapshot, path, make);
	}

	/**
	 * The page at {@code path} that names {@code base}, the site's address as the request
	 * gave it ({@link dev.faqkb.site.PublicLinks#base}), made from {@code snapshot}, or
	 * {@code null} when it has not been made. Kept under {@code base} and {@code path}
	 * together, so a page never names another host than the one its request came to.
	 */
	CachedPage hosted(Snapshot snapshot, String base, String path) {
		Pages current = pages;
		Map<String, CachedPage> address = current(current, snapshot) ? current.hosted().getIfPresent(base) : null;
		return address != null ? address.get(path) : null;
	}

	/**
	 * The page at {@code path} that names {@code base}, made from {@code snapshot}: from
	 * the cache, or made by {@code make} and kept (unless it made none) with the other
	 * pages of {@code base}. An address keeps every path it is given: the caller keeps
	 * only the pages there are, so that the paths of an address are few.
	 */
	CachedPage hosted(Snapshot snapshot, String base, String path, Supplier<CachedPage> make) {
		CachedPage page = hosted(snapshot, base, path);
		return page != null ? page : keep(snapshot, make,
				(current, made) -> current.hosted().get(base, address -> new ConcurrentHashMap<>()).put(path, made));
	}

	/** How many pages that name an address the cache holds now, for {@code snapshot}. */
	long hostedCount(Snapshot snapshot) {
		return hostedNow(snapshot).values().stream().mapToLong(Map::size).sum();
	}

	/**
	 * For how many addresses the cache holds pages now, for {@code snapshot}: at most
	 * {@link #HOSTED_ADDRESSES}.
	 */
	int hostedAddresses(Snapshot snapshot) {
		return hostedNow(snapshot).size();
	}

	private Map<String, Map<String, CachedPage>> hostedNow(Snapshot snapshot) {
		Pages current = pages;
		if (!current(current, snapshot)) {
			return Map.of();
		}
		current.hosted().cleanUp(); // Caffeine evicts in the background; what it holds is
									// exact after this
		return current.hosted().asMap();
	}

	/**
	 * Whether {@code request} has parameters that are not in its address (a test's
	 * request, a form body): the address does not name its page, which is then made for
	 * it alone.
	 */
	private static boolean unaddressed(HttpServletRequest request) {
		return request.getQueryString() == null && !request.getParameterMap().isEmpty();
	}

	/**
	 * What is kept under {@code key} in {@code pages} when they are those of
	 * {@code snapshot} as it ranks now, or {@code null}.
	 */
	private static Object kept(Pages pages, Snapshot snapshot, String key) {
		return current(pages, snapshot) ? pages.cache().getIfPresent(key) : null;
	}

	/**
	 * Makes the page for {@code key} and keeps it in the pages of {@code snapshot} as it
	 * ranked before it was made (unless {@code make} made none, or newer pages are kept
	 * already), ending any claim to make it again. Requests that ask for the page while
	 * it is being made from the same snapshot wait for it and get it too, rather than
	 * each making a copy: a page as large as its content (a category, a long answer) is
	 * made once at a time.
	 */
	@SuppressWarnings("unchecked")
	private <T> T keep(Snapshot snapshot, String key, Supplier<T> make) {
		Making mine = new Making(snapshot, snapshot.index().semanticReady(), new CompletableFuture<>());
		Making first = making.putIfAbsent(key, mine);
		if (first != null && first.snapshot() == snapshot && first.semantic() == mine.semantic()) {
			return (T) first.await();
		}
		if (first != null) {
			// made from other content (a reload raced this request): this request makes
			// its own
			return keep(snapshot, key, make, null);
		}
		return keep(snapshot, key, make, mine);
	}

	/**
	 * Makes and keeps the page for {@code key}, and hands it to the requests waiting for
	 * it ({@code mine}).
	 */
	private <T> T keep(Snapshot snapshot, String key, Supplier<T> make, Making mine) {
		try {
			T page = keep(snapshot, make, (current, made) -> {
				current.cache().put(key, made);
				// Only addresses are claimed (find), never a results key: removing one of
				// those changes nothing.
				current.remaking().remove(key);
			});
			if (mine != null) {
				mine.page().complete(page);
			}
			return page;
		}
		catch (RuntimeException | Error ex) {
			if (mine != null) {
				mine.page().completeExceptionally(ex);
			}
			throw ex;
		}
		finally {
			if (mine != null) {
				making.remove(key, mine);
			}
		}
	}

	/**
	 * Makes a page and has {@code store} keep it in the pages of {@code snapshot} as it
	 * ranked before it was made, unless {@code make} made none or newer pages are kept
	 * already.
	 */
	private <T> T keep(Snapshot snapshot, Supplier<T> make, BiConsumer<Pages, T> store) {
		boolean semantic = snapshot.index().semanticReady();
		T page = make.get();
		Pages current = pagesFor(snapshot, semantic);
		if (page != null && current != null) {
			store.accept(current, page);
		}
		return page;
	}

	/**
	 * Whether {@code pages} are those of {@code snapshot} as it ranks now: a snapshot's
	 * search, related questions and so its pages change once, when its vectors are ready
	 * (semantic search), and its pages are then made again.
	 */
	private static boolean current(Pages pages, Snapshot snapshot) {
		return pages != null && pages.snapshot() == snapshot && pages.semantic() == snapshot.index().semanticReady();
	}

	/**
	 * The pages to keep a page in that was made from {@code snapshot} while its semantic
	 * search was ready or not; {@code null} when newer pages are kept already (a request
	 * that raced a reload, or the vectors getting ready): its page is served, but not
	 * kept.
	 */
	private Pages pagesFor(Snapshot snapshot, boolean semantic) {
		Pages current = pages;
		if (current != null && current.snapshot() == snapshot && current.semantic() == semantic) {
			return current;
		}
		synchronized (this) {
			current = pages;
			if (current != null && current.snapshot() == snapshot && current.semantic() == semantic) {
				return current;
			}
			if (current != null && (snapshot.loadedAt().isBefore(current.snapshot().loadedAt())
					|| current.snapshot() == snapshot && current.semantic())) {
				return null;
			}
			if (semantic != snapshot.index().semanticReady()) {
				return null; // the vectors got ready while the page was made: the next
								// request makes it again
			}
			pages = new Pages(snapshot, semantic,
					Caffeine.newBuilder()
						.maximumWeight(maxBytes)
						.weigher((String path, Object page) -> page instanceof CachedPage cached ? cached.weight()
								: ((ResultsPage) page).weight())
						.build(),
					new ConcurrentHashMap<>(), Caffeine.newBuilder().maximumSize(HOSTED_ADDRESSES).build(),
					Caffeine.newBuilder().maximumSize(ASKED).build());
			return pages;
		}
	}

	/**
	 * A page being made by one request, which others asking for it meanwhile wait for.
	 *
	 * @param semantic whether the snapshot's semantic search was ready when the page
	 * began
	 * @param page completed with the page (or {@code null} when none was made), or with
	 * what stopped it
	 */
	private record Making(Snapshot snapshot, boolean semantic, CompletableFuture<Object> page) {

		/** The page, once made; what stopped it is thrown here too. */
		Object await() {
			try {
				return page.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

	}

	/**
	 * @param semantic whether the snapshot's semantic search was ready when these pages
	 * were made
	 * @param cache each value a {@link CachedPage} or a {@link ResultsPage}
	 * @param remaking the expired pages being made again, with when
	 * ({@link System#nanoTime()}) a request took that on
	 * @param hosted the pages that name the address they were asked at: by that address
	 * as asked ({@code http://host:port}), then by path
	 * @param asked the addresses of searches asked once ({@link #search})
	 */
	private record Pages(Snapshot snapshot, boolean semantic, Cache<String, Object> cache, Map<String, Long> remaking,
			Cache<String, Map<String, CachedPage>> hosted, Cache<String, Boolean> asked) {
	}

}
