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
 * Logs searches from the results page in the {@link SearchLog}: once per search, from its first page, and never
 * at the cost of the reader's results.
 */
@Component
class SearchLogging implements SearchListener {

	private static final Logger log = LoggerFactory.getLogger(SearchLogging.class);

	private final SearchLog searchLog;

	private final Storage storage;

	SearchLogging(SearchLog searchLog, Storage storage) {
		this.searchLog = searchLog;
		this.storage = storage;
	}

	@Override
	public OptionalLong searched(SearchPerformed search) {
		if (search.page() != 1 || search.query().isBlank()) {
			return OptionalLong.empty(); // later pages are the same search, already logged from its first
		}
		if (!storage.usable()) {
			return OptionalLong.empty(); // the database is down: readers still get their results
		}
		try {
			return OptionalLong.of(searchLog.record(SearchLog.normalize(search.query()), search.total(), Instant.now()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not log a search: {}", ex.getMessage());
			storage.failed(ex);
			return OptionalLong.empty();
		}
	}

}
