package dev.faqkb.site;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentException;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.Synonyms;
import dev.faqkb.system.FaqkbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Holds the current {@link Snapshot}. Loading happens beside the current snapshot and the result
 * replaces it in one atomic step; a failed load leaves the current one serving.
 */
@Component
public class SnapshotStore {

	private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

	private final FaqkbProperties properties;

	private final ContentLoader loader;

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	/**
	 * @throws ContentException when the content folder has errors: the application does not start
	 */
	public SnapshotStore(FaqkbProperties properties) {
		this.properties = properties;
		this.loader = new ContentLoader(new MarkdownRenderer(), properties.content().showDrafts());
		this.current.set(load());
	}

	public Snapshot current() {
		return current.get();
	}

	/**
	 * Loads the content folder again and serves it from now on.
	 * @throws ContentException when the folder has errors; the previous snapshot keeps serving
	 */
	public Snapshot reload() {
		Snapshot next = load();
		// The old index is not closed: requests may still be reading it. It lives on the heap and goes with the GC.
		current.set(next);
		return next;
	}

	private Snapshot load() {
		long start = System.nanoTime();
		Catalog catalog = loader.load(properties.contentDir());
		Snapshot snapshot = new Snapshot(catalog,
				new SearchIndex(catalog, Synonyms.read(properties.contentDir())), Instant.now());
		log.info("Loaded {} questions in {} categories from {} in {} ms", catalog.questions().size(),
				catalog.categories().size(), properties.contentDir().toAbsolutePath().normalize(),
				(System.nanoTime() - start) / 1_000_000);
		return snapshot;
	}

}
