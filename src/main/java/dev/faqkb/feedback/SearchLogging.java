package dev.faqkb.feedback;

import java.time.Instant;
import java.util.OptionalLong;

import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SearchPerformed;
import dev.faqkb.system.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Logs searches from the results page in the {@link SearchLog}: once per search, from its
 * first page, and never at the cost of the reader's results. The search gets its id at
 * once and is written a moment later, in a batch ({@link SearchLogQueue}); the page does
 * not wait for the database.
 */
@Component
class SearchLogging implements SearchListener {

	private static final Logger log = LoggerFactory.getLogger(SearchLogging.class);

	private final SearchLog searchLog;

	private final SearchLogQueue queue;

	private final Storage storage;

	SearchLogging(SearchLog searchLog, SearchLogQueue queue, Storage storage) {
		this.searchLog = searchLog;
		this.queue = queue;
		this.storage = storage;
	}

	@Override
	public OptionalLong searched(SearchPerformed search) {
		if (search.page() != 1 || search.query().isBlank()) {
			return OptionalLong.empty(); // later pages are the same search, already
											// logged from its first
		}
		if (!storage.usable()) {
			return OptionalLong.empty(); // the database is down: readers still get their
											// results
		}
		try {
			long id = searchLog.nextId();
			queue.searched(id, search.query(), search.total(), Instant.now(), search.language());
			return OptionalLong.of(id);
		}
		catch (RuntimeException ex) {
			log.warn("Could not log a search: {}", ex.getMessage());
			storage.failed(ex);
			return OptionalLong.empty();
		}
	}

}
