package dev.faqkb.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.search.semantic.SemanticSearch;
import dev.faqkb.site.ContentReloaded;
import dev.faqkb.site.PopularQuestions;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the pages read most again right after a reload, so that the first reader after a
 * content change does not wait for them: the home pages, the default language's category
 * pages and its {@value #POPULAR} most viewed answers, by asking the server for them over
 * loopback, as a reader would (the same filters, controllers and {@link PageCache}), with
 * a crawler's {@code User-Agent} so that no view is counted. Again once the new
 * snapshot's search ranks by meaning, which starts its pages anew. A newer reload stops
 * the warming of an older one. Nothing is warmed without a web server (tests in a mock
 * environment) or over TLS. Thread-safe.
 */
@Component
class PageWarmer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PageWarmer.class);

	/** How many of the most viewed answers are made again. */
	static final int POPULAR = 20;

	/** The {@code User-Agent} of the warming requests: a crawler's, never counted. */
	static final String USER_AGENT = "faqkb-page-warmer (bot)";

	/** How long the warmer waits for the vectors of a new snapshot, at most. */
	private static final Duration SEMANTIC_WAIT = Duration.ofMinutes(30);

	private final SnapshotStore store;

	private final PopularQuestions popular;

	private final SemanticSearch semantic;

	private final ServerProperties server;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "faqkb-page-warmer");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private volatile URI base;

	PageWarmer(SnapshotStore store, PopularQuestions popular, ObjectProvider<SemanticSearch> semantic,
			ServerProperties server) {
		this.store = store;
		this.popular = popular;
		this.semantic = semantic.getIfAvailable();
		this.server = server;
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		boolean tls = server.getSsl() != null && server.getSsl().isEnabled();
		// the management server, on a port of its own, has no pages
		if (tls || "management".equals(event.getApplicationContext().getServerNamespace())) {
			return;
		}
		InetAddress address = server.getAddress();
		String host = address == null || address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress()
				: address.getHostAddress();
		String contextPath = server.getServlet().getContextPath() == null ? "" : server.getServlet().getContextPath();
		base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
				+ event.getWebServer().getPort() + contextPath);
	}

	@EventListener
	void reloaded(ContentReloaded event) {
		if (base == null) {
			return;
		}
		try {
			worker.execute(() -> warm(event.snapshot()));
		}
		catch (RejectedExecutionException shuttingDown) {
			// nothing to warm on the way out
		}
	}

	/** The addresses made again after a reload, most read first. */
	List<String> addresses(Snapshot snapshot) {
		Set<String> paths = new LinkedHashSet<>();
		Catalog catalog = snapshot.catalog();
		paths.add("/");
		snapshot.translations().values().forEach(edition -> paths.add(edition.base() + "/"));
		for (Question question : popular.top(catalog, POPULAR)) {
			paths.add(question.url());
		}
		for (Category category : catalog.categories()) {
			paths.add(category.url());
		}
		return new ArrayList<>(paths);
	}

	private void warm(Snapshot snapshot) {
		if (!warmOnce(snapshot) || semantic == null || semantic.status() != SemanticSearch.Status.PREPARING) {
			return;
		}
		// the pages are made anew once the snapshot ranks by meaning (PageCache)
		long deadline = System.nanoTime() + SEMANTIC_WAIT.toNanos();
		while (store.current() == snapshot && !snapshot.index().semanticReady()
				&& semantic.status() == SemanticSearch.Status.PREPARING && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException stopping) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (snapshot.index().semanticReady()) {
			warmOnce(snapshot);
		}
	}

	/** Asks for each page of {@link #addresses}; false when a newer snapshot came. */
	private boolean warmOnce(Snapshot snapshot) {
		long start = System.nanoTime();
		List<String> paths = new ArrayList<>();
		try {
			paths.addAll(addresses(snapshot));
		}
		catch (RuntimeException ex) {
			// the view counts cannot be read (database down): the rest still helps
			log.debug("Cannot read the most viewed answers: warming the home and category pages only", ex);
			paths.add("/");
			snapshot.catalog().categories().forEach(category -> paths.add(category.url()));
		}
		int made = 0;
		for (String path : paths) {
			if (store.current() != snapshot || Thread.currentThread().isInterrupted()) {
				return false;
			}
			try {
				HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(URI.create(base + path))
					.header("User-Agent", USER_AGENT)
					.header("Accept-Encoding", "gzip")
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.discarding());
				made += reply.statusCode() == 200 ? 1 : 0;
			}
			catch (InterruptedException stopping) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (Exception ex) {
				log.debug("Cannot warm {}", path, ex);
			}
		}
		log.debug("Made {} of {} pages again in {} ms", made, paths.size(), (System.nanoTime() - start) / 1_000_000);
		return true;
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

}
