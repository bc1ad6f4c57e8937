package dev.faqkb.web;

import dev.faqkb.search.SearchResults;
import dev.faqkb.site.Snapshot;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

@Controller
class SearchController {

	static final int MAX_QUERY_LENGTH = 256;

	private static final int PAGE_SIZE = 20;

	@GetMapping("/search")
	String search(@ModelAttribute("snapshot") Snapshot snapshot, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String category, Model model, HttpServletResponse response) {
		model.addAttribute("query", q);
		model.addAttribute("category", snapshot.catalog().category(category == null ? "" : category).orElse(null));
		if (q.length() > MAX_QUERY_LENGTH) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", "Your search is too long: use at most " + MAX_QUERY_LENGTH + " characters.");
			model.addAttribute("results", SearchResults.empty(q));
			return "search/results";
		}
		model.addAttribute("results", snapshot.index().search(q, category, 0, PAGE_SIZE));
		return "search/results";
	}

}
