package dev.faqkb.web;

import java.util.List;

import dev.faqkb.search.SearchResults;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.BadRequestException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The search as JSON. Not logged, so the answer to one query is the same for everyone
 * until the content changes: each asked twice is kept for the snapshot
 * ({@link PageCache#search}) and served again without reaching this controller.
 */
@Controller
class SearchApiController {

	private final ApiReplies replies;

	SearchApiController(ApiReplies replies) {
		this.replies = replies;
	}

	/**
	 * A new search at a plain address is answered before Spring MVC
	 * ({@link NewApiRequests}); this answers the others, and refuses what is wrong.
	 */
	@GetMapping("/api/search")
	View search(@ModelAttribute("snapshot") Snapshot snapshot, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String lang, @RequestParam(required = false) String category,
			@RequestParam(defaultValue = "10") int limit, @RequestParam(defaultValue = "0") int offset,
			HttpServletRequest request) {
		SearchController.checkQueryLength(q);
		if (limit < 1) {
			throw new BadRequestException("limit must be at least 1");
		}
		if (offset < 0 || offset > ApiReplies.MAX_OFFSET) {
			throw new BadRequestException("offset must be between 0 and " + ApiReplies.MAX_OFFSET);
		}
		return replies.search(snapshot, Languages.ofParameter(snapshot, lang), q, category, limit, offset, request);
	}

	/**
	 * @param didYouMean a respelled query that finds more, or {@code null}
	 * @param facets matches per category, whatever {@code category} asked for
	 */
	record SearchResponse(String query, long total, int offset, List<Result> results, String didYouMean,
			List<SearchResults.Facet> facets) {
	}

	/**
	 * One hit; {@code snippet} is HTML in which only {@code <mark>} is markup;
	 * {@code match} says whether the question matched the words of the query, its
	 * meaning, or both: {@code lexical}, {@code semantic}, {@code both}.
	 */
	record Result(String category, String categoryTitle, String id, String question, String url, String anchorUrl,
			String snippet, float score, String match) {
	}

}
