package dev.faqkb.web;

import java.time.Duration;
import java.util.List;

import dev.faqkb.search.SearchHit;
import dev.faqkb.search.SearchResults;
import dev.faqkb.site.SearchTurns;
import dev.faqkb.site.Snapshot;
import dev.faqkb.web.SearchApiController.Result;
import dev.faqkb.web.SearchApiController.SearchResponse;
import dev.faqkb.web.SuggestApiController.SuggestResponse;
import dev.faqkb.web.SuggestApiController.Suggestion;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The JSON of a search ({@code /api/search}) and of suggestions ({@code /api/suggest}),
 * each in its turn ({@link SearchTurns}) and through the page cache
 * ({@link PageCache#search}): made once here for both ways a request reaches them, the
 * controllers and {@link NewApiRequests} (a query asked for the first time, answered
 * before Spring MVC), so that both send the same bytes. Thread-safe.
 */
@Component
class ApiReplies {

	static final int MAX_SUGGESTIONS = 8;

	/** Deeper pages than this are not useful to anyone and only cost time. */
	static final int MAX_OFFSET = 1000;

	static final int MAX_LIMIT = 50;

	/**
	 * The same prefix is typed again and again; a minute of staleness in a browser is
	 * harmless.
	 */
	private static final String SUGGEST_CACHE_CONTROL = CacheControl.maxAge(Duration.ofMinutes(1)).getHeaderValue();

	private final PageCache pages;

	private final JsonMapper json;

	private final SearchTurns turns;

	ApiReplies(PageCache pages, JsonMapper json, SearchTurns turns) {
		this.pages = pages;
		this.json = json;
		this.turns = turns;
	}

	/**
	 * The questions that start as {@code q} does, in {@code edition} of {@code snapshot},
	 * for {@code request}'s address.
	 */
	CachedPage suggest(Snapshot snapshot, Snapshot.Edition edition, String q, HttpServletRequest request) {
		return turns.take(() -> pages.search(snapshot, request, level -> {
			List<Suggestion> suggestions = edition.index()
				.suggest(q, MAX_SUGGESTIONS)
				.stream()
				.map(question -> new Suggestion(question.text(), question.category(), question.url()))
				.toList();
			return CachedPage.of(json.writeValueAsBytes(new SuggestResponse(q, suggestions)),
					MediaType.APPLICATION_JSON_VALUE, SUGGEST_CACHE_CONTROL, level);
		}));
	}

	/**
	 * The results of {@code q} in {@code edition} of {@code snapshot}, for
	 * {@code request}'s address.
	 * @param limit at least 1; more than {@link #MAX_LIMIT} gives that many
	 * @param offset from 0 to {@link #MAX_OFFSET}
	 */
	CachedPage search(Snapshot snapshot, Snapshot.Edition edition, String q, String category, int limit, int offset,
			HttpServletRequest request) {
		return turns.take(() -> pages.search(snapshot, request, level -> {
			SearchResults results = edition.index().search(q, category, offset, Math.min(limit, MAX_LIMIT));
			SearchResponse response = new SearchResponse(results.query(), results.total(), results.offset(),
					results.hits().stream().map(ApiReplies::result).toList(), results.didYouMean(), results.facets());
			return CachedPage.of(json.writeValueAsBytes(response), MediaType.APPLICATION_JSON_VALUE,
					CachedPage.REVALIDATE, level);
		}));
	}

	private static Result result(SearchHit hit) {
		return new Result(hit.question().category(), hit.categoryTitle(), hit.question().id(), hit.question().text(),
				hit.question().url(), hit.question().anchorUrl(), hit.snippetHtml(), hit.score(),
				hit.match().toString());
	}

}
