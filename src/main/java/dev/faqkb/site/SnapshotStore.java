package dev.faqkb.site;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentError;
import dev.faqkb.content.ContentException;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.Editions;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.Synonyms;
import dev.faqkb.search.semantic.SemanticSearch;
import dev.faqkb.system.FaqkbProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link Snapshot}. Loading happens beside the current snapshot and the
 * result replaces it in one atomic step; a failed load leaves the current one serving.
 * <p>
 * The first load runs on a thread of its own while the rest of the application starts
 * (database, security, web server), none of which needs the content; startup waits for it
 * before the web server takes requests, so content errors still stop the application.
 * Each reload that replaces the content publishes {@link ContentReloaded}.
 */
@Component
public class SnapshotStore implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

	private final FaqkbProperties properties;

	private final ContentLoader loader;

	private final SemanticSearch semantic;

	private final ApplicationEventPublisher events;

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	private final CompletableFuture<Snapshot> first;

	private final SearchTurns turns;

	// Set when the last reload failed, cleared by the next good one: what the health
	// endpoint reports.
	private volatile ReloadFailure failure;

	// The content files as they were when the last load started, for the watcher.
	private volatile Map<String, String> loadedFrom;

	/**
	 * @param semantic ranks each snapshot by meaning too once its vectors are ready;
	 * absent in web slices
	 * @throws ContentException when the content folder has errors: the application does
	 * not start
	 */
	@Autowired
	public SnapshotStore(FaqkbProperties properties, ObjectProvider<SemanticSearch> semantic,
			ObjectProvider<SearchTurns> turns, ApplicationEventPublisher events) {
		this(properties, semantic.getIfAvailable(), turns.getIfAvailable(SearchTurns::new), events);
	}

	private SnapshotStore(FaqkbProperties properties, SemanticSearch semantic, SearchTurns turns,
			ApplicationEventPublisher events) {
		this.properties = properties;
		this.semantic = semantic;
		this.turns = turns;
		this.events = events;
		this.loader = new ContentLoader(new MarkdownRenderer(), properties.content().showDrafts(),
				properties.content().maxFileSize().toBytes(), properties.content().gitDates());
		this.first = CompletableFuture.supplyAsync(this::load, task -> {
			Thread thread = new Thread(task, "faqkb-first-load");
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** Lexical search only, for tools and tests that run without the application. */
	public SnapshotStore(FaqkbProperties properties) {
		this(properties, (SemanticSearch) null, new SearchTurns(), event -> {
		});
	}

	public Snapshot current() {
		Snapshot snapshot = current.get();
		return snapshot != null ? snapshot : awaitFirst();
	}

	/**
	 * Waits for the first load once every bean is made, still within startup.
	 * @throws ContentException when the content folder has errors: the application does
	 * not start
	 */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			awaitFirst();
		}
		catch (RuntimeException ex) {
			// As a failed bean would: the failure analyzer finds the content errors
			// inside.
			throw new BeanInitializationException("Cannot load the content folder " + properties.contentDir(), ex);
		}
	}

	private Snapshot awaitFirst() {
		Snapshot loaded;
		try {
			loaded = first.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		current.compareAndSet(null, loaded);
		return current.get();
	}

	/** Why the content folder is not what is served, when the last reload failed. */
	public Optional<ReloadFailure> failure() {
		return Optional.ofNullable(failure);
	}

	/**
	 * Loads the content folder again and serves it from now on. Synchronized so that two
	 * reloads never race to set an older result last.
	 * @throws ContentException when the folder has errors; the previous snapshot keeps
	 * serving
	 */
	public synchronized Snapshot reload() {
		awaitFirst();
		Snapshot next;
		try {
			// Under load, searches give the reload a core of its own (SearchTurns).
			next = turns.whileReloading(this::load);
		}
		catch (RuntimeException ex) {
			List<ContentError> errors = ex instanceof ContentException content ? content.errors()
					: List.of(new ContentError(properties.contentDir(), 0, "cannot reload: " + ex));
			failure = new ReloadFailure(errors, Instant.now());
			log.warn("The content folder has {} error(s); still serving the content loaded at {}:\n{}", errors.size(),
					current().loadedAt(),
					errors.stream().map(ContentError::toString).collect(Collectors.joining("\n")));
			throw ex;
		}
		// The old index is not closed: requests may still be reading it. It lives on the
		// heap and goes with the GC.
		current.set(next);
		if (failure != null) {
			log.info("The content folder has no errors any more: serving it again");
		}
		failure = null;
		events.publishEvent(new ContentReloaded(next));
		return next;
	}

	/** Fingerprint of the content files when the last load (good or not) started. */
	Map<String, String> loadedFrom() {
		awaitFirst();
		return loadedFrom;
	}

	private Snapshot load() {
		loadedFrom = ContentFiles.fingerprint(properties.contentDir());
		long start = System.nanoTime();
		Editions editions = loader.loadAll(properties.contentDir());
		Catalog catalog = editions.original();
		Map<String, Snapshot.Edition> translations = new TreeMap<>();
		SearchIndex originalIndex = new SearchIndex(catalog,
				Synonyms.read(properties.contentDir(), catalog.language()));
		// each language searched as that language (SearchIndex reads the catalog's), with
		// its folder's synonyms, and by meaning through its originals once they have
		// vectors
		editions.translations()
			.forEach((language, translated) -> translations.put(language,
					new Snapshot.Edition(translated, new SearchIndex(translated,
							Synonyms.read(properties.contentDir().resolve(language), language), originalIndex))));
		Snapshot snapshot = new Snapshot(catalog, originalIndex, Instant.now(), translations);
		log.info("Loaded {} questions in {} categories{} from {} in {} ms", catalog.questions().size(),
				catalog.categories().size(),
				translations.isEmpty() ? "" : " and translations " + String.join(", ", translations.keySet()),
				properties.contentDir().toAbsolutePath().normalize(), (System.nanoTime() - start) / 1_000_000);
		// The model is English: it ranks English by meaning, and would rank French text
		// worse than its words alone do (bench/README.md). Translations are ranked
		// through
		// their English originals' vectors; a site in another language by its words.
		if (semantic != null && Locale.forLanguageTag(catalog.language()).getLanguage().equals("en")) {
			// in the background: the snapshot serves lexical search at once, and by
			// meaning once its vectors are ready
			semantic.prepare(snapshot.index(), catalog);
		}
		return snapshot;
	}

	/**
	 * The last reload found errors, so the content served is older than the folder.
	 *
	 * @param errors every error, as {@code path:line: message}
	 * @param at when the reload was tried
	 */
	public record ReloadFailure(List<ContentError> errors, Instant at) {

		public ReloadFailure {
			errors = List.copyOf(errors);
		}

	}

}
