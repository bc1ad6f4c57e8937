package dev.faqkb.web;

import java.time.Duration;
import java.util.List;

import dev.faqkb.site.Snapshot;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Questions for the search box, called on every keystroke. Everyone types the same first
 * letters, so each answer asked twice is kept for the snapshot ({@link PageCache#search})
 * and served again without reaching this controller.
 */
@Controller
class SuggestApiController {

	static final int MAX_SUGGESTIONS = 8;

	/**
	 * The same prefix is typed again and again; a minute of staleness in a browser is
	 * harmless.
	 */
	private static final String CACHE_CONTROL = CacheControl.maxAge(Duration.ofMinutes(1)).getHeaderValue();

	private final PageCache pages;

	private final JsonMapper json;

	private final SearchTurns turns;

	SuggestApiController(PageCache pages, JsonMapper json, SearchTurns turns) {
		this.pages = pages;
		this.json = json;
		this.turns = turns;
	}

	@GetMapping("/api/suggest")
	View suggest(@ModelAttribute("snapshot") Snapshot snapshot, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String lang, HttpServletRequest request) {
		SearchController.checkQueryLength(q);
		Snapshot.Edition edition = Languages.ofParameter(snapshot, lang);
		return turns.take(() -> pages.search(snapshot, request, level -> {
			List<Suggestion> suggestions = edition.index()
				.suggest(q, MAX_SUGGESTIONS)
				.stream()
				.map(question -> new Suggestion(question.text(), question.category(), question.url()))
				.toList();
			return CachedPage.of(json.writeValueAsBytes(new SuggestResponse(q, suggestions)),
					MediaType.APPLICATION_JSON_VALUE, CACHE_CONTROL, level);
		}));
	}

	record SuggestResponse(String query, List<Suggestion> suggestions) {
	}

	record Suggestion(String question, String category, String url) {
	}

}
