package dev.faqkb.web;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.Deflater;

import dev.faqkb.content.Question;
import dev.faqkb.search.QueryBudget;
import dev.faqkb.search.SearchResults;
import dev.faqkb.site.SearchTurns;
import dev.faqkb.site.LanguagePrefix;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SearchPerformed;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.BadRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@Controller
class SearchController {

	/**
	 * The search box takes what the query budget analyses; longer input is a 400 that
	 * says so.
	 */
	static final int MAX_QUERY_LENGTH = QueryBudget.DEFAULT.maxChars();

	static final int PAGE_SIZE = 10;

	/**
	 * An answer this short is shown whole above the results when it is the best match.
	 */
	static final int SHORT_ANSWER = 400;

	private final SearchListener listener;

	private final PageRenderer renderer;

	private final PageCache pages;

	private final SearchTurns turns;

	SearchController(SearchListener listener, PageRenderer renderer, PageCache pages, SearchTurns turns) {
		this.listener = listener;
		this.renderer = renderer;
		this.pages = pages;
		this.turns = turns;
	}

	/**
	 * The API's check: a query longer than {@link #MAX_QUERY_LENGTH} is a 400 with this
	 * message.
	 */
	static void checkQueryLength(String q) {
		if (q.length() > MAX_QUERY_LENGTH) {
			throw new BadRequestException("q is too long: at most " + MAX_QUERY_LENGTH + " characters");
		}
	}

	/**
	 * Made once per snapshot and query ({@link ResultsPage}) from the second time it is
	 * asked, and written for each search with the id it is logged under; made for the
	 * request alone the first time, and when it cannot be logged (a later page, the
	 * database down).
	 */
	@GetMapping({ "/search", "/" + LanguagePrefix.VARIABLE + "/search" })
	View search(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable(required = false) String lang,
			@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String category,
			@RequestParam(defaultValue = "1") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Snapshot.Edition edition = Languages.ofAddress(snapshot, lang);
		// the switch leads to the same search in another language
		Languages.describe(model, snapshot, edition,
				other -> UriComponentsBuilder.fromPath(other.base() + "/search")
					.queryParamIfPresent("q", Optional.of(q).filter(words -> !words.isEmpty()))
					.queryParamIfPresent("category", Optional.ofNullable(category).filter(id -> !id.isEmpty()))
					.encode()
					.build()
					.toUriString());
		model.addAttribute("query", q);
		model.addAttribute("category", edition.catalog().category(category == null ? "" : category).orElse(null));
		model.addAttribute("page", page);
		int lastPage = ApiReplies.MAX_OFFSET / PAGE_SIZE;
		String error = q.length() > MAX_QUERY_LENGTH
				? "Your search is too long: use at most " + MAX_QUERY_LENGTH + " characters."
				: page < 1 || page > lastPage ? "There is no page " + page + " of results." : null;
		if (error != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", error);
			model.addAttribute("results", SearchResults.empty(q));
			return page(model, request, response);
		}
		// Only a first page is logged (SearchListener), so only a first page has ids to
		// write into its links.
		// Searching and rendering take a turn (SearchTurns); logging, which may reach the
		// database, does not.
		ResultsPage kept = page == 1 && !q.isBlank() ? turns.take(() -> pages.results(snapshot, request, () -> {
			SearchResults results = results(edition, q, category, page, model);
			model.addAttribute("searchId", ResultsPage.PLACEHOLDER);
			byte[] html = renderer.html("search/results", model.asMap(), request, response);
			return ResultsPage.of(html, results.hits().size(), results.total(), lang);
		})) : null;
		if (kept != null) {
			OptionalLong searchId = kept.logged(listener, q, category);
			if (searchId.isPresent()) {
				return (unused, reader, reply) -> kept.write(searchId.getAsLong(), reader, reply);
			}
		}
		// Made for this request alone: a later page, a search that cannot be logged (so
		// its links carry no id), or a
		// query that contains the page's placeholder.
		SearchResults results = turns.take(() -> results(edition, q, category, page, model));
		OptionalLong searchId = kept != null ? OptionalLong.empty()
				: listener.searched(new SearchPerformed(q, category, results.total(), page, lang));
		model.addAttribute("searchId", searchId.isPresent() ? searchId.getAsLong() : null);
		return turns.take(() -> page(model, request, response));
	}

	/** Searches and puts what the page shows into {@code model}. */
	private static SearchResults results(Snapshot.Edition snapshot, String q, String category, int page, Model model) {
		SearchResults results = snapshot.index().search(q, category, (page - 1) * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("results", results);
		model.addAttribute("pages",
				(int) Math.min(ApiReplies.MAX_OFFSET / PAGE_SIZE, (results.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		if (page == 1 && !results.hits().isEmpty()) {
			Question best = results.hits().get(0).question();
			if (best.answerText().length() <= SHORT_ANSWER) {
				model.addAttribute("bestAnswer", best);
				model.addAttribute("bestAnswerHtml", snapshot.index().highlightAnswer(best.answerHtml(), q));
			}
		}
		return results;
	}

	private View page(Model model, HttpServletRequest request, HttpServletResponse response) {
		// sent to this reader alone: compressed as fast as can be
		return renderer.render("search/results", model.asMap(), request, response, Deflater.BEST_SPEED)
			.withCacheControl(CachedPage.NO_STORE);
	}

}
