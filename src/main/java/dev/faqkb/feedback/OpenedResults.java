package dev.faqkb.feedback;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import dev.faqkb.content.Question;
import dev.faqkb.site.NotInCatalogException;
import dev.faqkb.site.Snapshot;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Result links on the search page go through here: the opened result is logged for its
 * search, then the reader is sent on to the answer. The answer's address then carries no
 * search id: without {@code hl} it is the cached page every reader gets, and the address
 * a reader copies from the browser logs no click when it is shared.
 */
@Controller
class OpenedResults {

	/**
	 * The address of a result link; {@code hl} is passed on to the answer, {@code lang}
	 * names its language.
	 */
	static final String PATH = "/search/opened/{searchId}/{category}/{id}";

	private final SearchLogQueue searchLog;

	OpenedResults(SearchLogQueue searchLog) {
		this.searchLog = searchLog;
	}

	@GetMapping(PATH)
	ResponseEntity<Void> open(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable long searchId,
			@PathVariable String category, @PathVariable String id, @RequestParam(required = false) String hl,
			@RequestParam(required = false) String lang) {
		// a result of a search in a translation opens the answer in that language
		Question question = snapshot.edition(lang == null ? snapshot.catalog().language() : lang)
			.orElse(snapshot.original())
			.catalog()
			.question(category, id)
			.orElseThrow(() -> new NotInCatalogException(category, id));
		// Written after its search, in a batch: the reader does not wait for the database
		// (and a lost click is only
		// a lost statistic).
		searchLog.opened(searchId, category, id, Instant.now());
		URI answer = UriComponentsBuilder.fromPath(question.url())
			.queryParamIfPresent("hl", Optional.ofNullable(hl).filter(words -> !words.isBlank()))
			.encode()
			.build()
			.toUri();
		// Not stored by the browser, so that opening the same result again goes through
		// here again.
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(answer)
			.cacheControl(CacheControl.noStore())
			.build();
	}

}
