package dev.faqkb.web;

import java.util.List;

import dev.faqkb.site.Snapshot;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Questions for the search box, called on every keystroke. */
@RestController
class SuggestApiController {

	static final int MAX_SUGGESTIONS = 8;

	@GetMapping("/api/suggest")
	ResponseEntity<SuggestResponse> suggest(@ModelAttribute("snapshot") Snapshot snapshot,
			@RequestParam(defaultValue = "") String q) {
		SearchController.checkQueryLength(q);
		List<Suggestion> suggestions = snapshot.index()
			.suggest(q, MAX_SUGGESTIONS)
			.stream()
			.map(question -> new Suggestion(question.text(), question.category(), question.url()))
			.toList();
		// the same prefix is typed again and again; a minute of staleness is harmless
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
			.body(new SuggestResponse(q, suggestions));
	}

	record SuggestResponse(String query, List<Suggestion> suggestions) {
	}

	record Suggestion(String question, String category, String url) {
	}

}
