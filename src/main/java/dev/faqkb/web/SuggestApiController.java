package dev.faqkb.web;

import java.util.List;

import dev.faqkb.site.Snapshot;

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

	private final ApiReplies replies;

	SuggestApiController(ApiReplies replies) {
		this.replies = replies;
	}

	/**
	 * A new prefix of a plain address is answered before Spring MVC
	 * ({@link NewApiRequests}); this answers the others, and refuses what is wrong.
	 */
	@GetMapping("/api/suggest")
	View suggest(@ModelAttribute("snapshot") Snapshot snapshot, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String lang, HttpServletRequest request) {
		SearchController.checkQueryLength(q);
		return replies.suggest(snapshot, Languages.ofParameter(snapshot, lang), q, request);
	}

	record SuggestResponse(String query, List<Suggestion> suggestions) {
	}

	record Suggestion(String question, String category, String url) {
	}

}
