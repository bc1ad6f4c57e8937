package dev.faqkb.feedback;

import java.util.List;
import java.util.Map;

import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.Storage;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A vote that cannot be stored (the database is down, read-only or full) is a 503 saying so, as JSON for the
 * script and as a page for a plain form, never a 500; and the failure tells {@link Storage}, so that the next
 * votes are refused at once instead of each waiting for the database.
 */
@ControllerAdvice(assignableTypes = FeedbackController.class)
class FeedbackUnavailableAdvice {

	static final String MESSAGE = "Your feedback cannot be saved right now. Please try again in a few minutes.";

	private static final String RETRY_AFTER_SECONDS = "60";

	private final Storage storage;

	private final SnapshotStore store;

	FeedbackUnavailableAdvice(Storage storage, SnapshotStore store) {
		this.storage = storage;
		this.store = store;
	}

	@ExceptionHandler(DataAccessException.class)
	Object unavailable(DataAccessException failure, HttpServletRequest request) {
		storage.failed(failure);
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
				.body(Map.of("error", MESSAGE));
		}
		ModelAndView page = new ModelAndView("error/problem", HttpStatus.SERVICE_UNAVAILABLE);
		// The snapshot the request started with, as on every other page of this request.
		Snapshot snapshot = request.getAttribute(Snapshot.class.getName()) instanceof Snapshot chosen ? chosen
				: store.current();
		page.addObject("snapshot", snapshot);
		page.addObject("site", snapshot.catalog().site());
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		page.addObject("message", MESSAGE);
		page.addObject("nearest", List.of());
		return page;
	}

}
