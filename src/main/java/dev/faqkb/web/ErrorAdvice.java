package dev.faqkb.web;

import java.util.List;
import java.util.Map;

import dev.faqkb.content.Question;
import dev.faqkb.search.SearchHit;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * 404 and 400 as a page with a search box for people, and as {@code {"error": "..."}} under {@code /api}.
 */
@ControllerAdvice
class ErrorAdvice {

	private static final int NEAREST = 5;

	private final SnapshotStore store;

	ErrorAdvice(SnapshotStore store) {
		this.store = store;
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException ex, HttpServletRequest request) {
		Snapshot snapshot = SnapshotAdvice.of(request, store);
		List<Question> nearest = List.of();
		if (ex.id() != null) {
			// The words of a mistyped or removed id usually find the question it meant.
			nearest = snapshot.index()
				.search(ex.id().replace('-', ' ').replace('_', ' '), ex.category(), 0, NEAREST)
				.hits()
				.stream()
				.map(SearchHit::question)
				.toList();
		}
		return error(request, HttpStatus.NOT_FOUND, ex.getMessage(), nearest);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(HttpServletRequest request) {
		return error(request, HttpStatus.NOT_FOUND, "There is no page at this address.", List.of());
	}

	@ExceptionHandler(BadRequestException.class)
	Object badRequest(BadRequestException ex, HttpServletRequest request) {
		return error(request, HttpStatus.BAD_REQUEST, ex.getMessage(), List.of());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	Object badParameter(Exception ex, HttpServletRequest request) {
		String message = ex instanceof MethodArgumentTypeMismatchException mismatch
				? "'" + mismatch.getName() + "' has an invalid value" : ex.getMessage();
		return error(request, HttpStatus.BAD_REQUEST, message, List.of());
	}

	private Object error(HttpServletRequest request, HttpStatus status, String message, List<Question> nearest) {
		if (request.getRequestURI().startsWith("/api/")) {
			return ResponseEntity.status(status).body(Map.of("error", message));
		}
		ModelAndView page = new ModelAndView("error/problem", status);
		// The same snapshot as the handler that failed, so the page never mixes two versions of the content.
		Snapshot snapshot = SnapshotAdvice.of(request, store);
		page.addObject("snapshot", snapshot);
		page.addObject("site", snapshot.catalog().site());
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.addObject("nearest", nearest);
		return page;
	}

}
