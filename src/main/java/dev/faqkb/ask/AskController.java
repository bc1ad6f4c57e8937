package dev.faqkb.ask;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.faqkb.content.Catalog;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.TokenBuckets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Didn't find your answer? Ask us". A plain form post is answered with a 303 to a thank-you page (or the form
 * again with the reason, when something is wrong); the script asks for JSON and shows the same in place.
 * Stores the question, the optional e-mail and where it was asked; nothing about the reader.
 */
@Controller
class AskController {

	static final int MAX_QUESTION = 500;

	static final int MAX_EMAIL = 254;

	static final int MAX_SEARCH = 256;

	static final String THANKS = "Thank you, we have your question. Once the FAQ answers it, you will find it here.";

	// Deliberately loose: a typo check, not a validator; the owner writes to it by hand.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final OpenQuestions questions;

	private final SnapshotStore store;

	private final TokenBuckets limits;

	AskController(OpenQuestions questions, SnapshotStore store, FaqkbProperties properties) {
		this.questions = questions;
		this.store = store;
		this.limits = new TokenBuckets("faqkb.ask.rate-limit", properties.ask().rateLimit());
	}

	@GetMapping("/ask")
	ModelAndView page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String sent) {
		ModelAndView page = page(HttpStatus.OK, cap(q.strip(), MAX_SEARCH), "");
		page.addObject("sent", sent != null);
		return page;
	}

	@PostMapping("/ask")
	Object ask(@RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "") String from,
			@RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "") String accept, HttpServletRequest request,
			HttpServletResponse response) {
		boolean json = accept.contains(MediaType.APPLICATION_JSON_VALUE);
		String text = question.replace("\r\n", "\n").strip();
		String address = email.strip();
		String asked = cap(search.strip(), MAX_SEARCH);
		String problem = problem(text, address);
		if (problem == null && !limits.tryAcquire(request.getRemoteAddr())) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			return refuse(json, HttpStatus.TOO_MANY_REQUESTS,
					"You have sent many questions in a short time. Please try again in a minute.", text, address, asked, from);
		}
		if (problem != null) {
			return refuse(json, HttpStatus.BAD_REQUEST, problem, text, address, asked, from);
		}
		Catalog catalog = store.current().catalog();
		// Only a category that exists is kept: the field comes from our page, but anyone can post anything.
		String category = catalog.category(from).isPresent() ? from : null;
		questions.ask(text, address.isEmpty() ? null : address, asked.isEmpty() ? null : asked, category, Instant.now());
		if (json) {
			return ResponseEntity.ok(Map.of("message", THANKS));
		}
		URI thanks = UriComponentsBuilder.fromPath("/ask")
			.queryParam("sent", "1")
			.queryParamIfPresent("q", Optional.of(asked).filter(q -> !q.isEmpty()))
			.encode()
			.build()
			.toUri();
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(thanks).build();
	}

	/** What is wrong with the form, in words for the reader, or {@code null}. */
	private static String problem(String text, String address) {
		if (text.isEmpty()) {
			return "Please write your question.";
		}
		int length = text.codePointCount(0, text.length());
		if (length > MAX_QUESTION) {
			return "Your question is too long: at most " + MAX_QUESTION + " characters, it has "
					+ String.format(Locale.ROOT, "%,d", length) + ".";
		}
		if (!address.isEmpty() && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
			return "\u201c" + cap(address, 60) + "\u201d does not look like an e-mail address. Leave it empty if you need no reply.";
		}
		return null;
	}

	private Object refuse(boolean json, HttpStatus status, String message, String text, String address, String search,
			String from) {
		if (json) {
			return ResponseEntity.status(status).body(Map.of("error", message));
		}
		// The form again, with what the reader typed, so nothing is lost.
		ModelAndView page = page(status, search, from);
		page.addObject("askError", message);
		page.addObject("askQuestion", text);
		page.addObject("askEmail", address);
		return page;
	}

	private ModelAndView page(HttpStatus status, String search, String from) {
		ModelAndView page = new ModelAndView("ask/page", status);
		page.addObject("site", store.current().catalog().site());
		page.addObject("search", search);
		page.addObject("from", from);
		page.addObject("sent", false);
		return page;
	}

	private static String cap(String text, int max) {
		return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
	}

}
