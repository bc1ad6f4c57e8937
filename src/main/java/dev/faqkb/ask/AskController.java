package dev.faqkb.ask;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.faqkb.content.Catalog;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.BadRequestException;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.ResponseFormat;
import dev.faqkb.system.TokenBuckets;
import dev.faqkb.system.TooManyRequestsException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Didn't find your answer? Ask us". A plain form post is answered with a 303 to a thank-you page, or, when
 * something is wrong, with the form again: the reason above it and what the reader typed still in it. The script
 * asks for JSON ({@link ResponseFormat}) and gets its errors the way every JSON error is answered ({@code system}'s
 * exceptions). Stores the question, the optional e-mail and where it was asked; nothing about the reader. Posts
 * from other sites never get here ({@code system}'s cross-origin check).
 */
@Controller
class AskController {

	static final int MAX_QUESTION = 500;

	static final int MAX_EMAIL = 254;

	static final int MAX_SEARCH = 256;

	static final String THANKS = "Thank you, we have your question. Once the FAQ answers it, you will find it here.";

	static final String TOO_MANY = "You have sent many questions in a short time. Please try again in a minute.";

	/** How long a client over the rate limit should wait: the bucket refills one question in at most a minute. */
	private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

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
			HttpServletRequest request, HttpServletResponse response) {
		String text = question.replace("\r\n", "\n").strip();
		String address = email.strip();
		String asked = cap(search.strip(), MAX_SEARCH);
		String problem = problem(text, address);
		if (problem != null) {
			return refuse(new BadRequestException(problem), HttpStatus.BAD_REQUEST, text, address, asked, from, request);
		}
		if (!limits.tryAcquire(request.getRemoteAddr())) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
			return refuse(new TooManyRequestsException(TOO_MANY, RETRY_AFTER), HttpStatus.TOO_MANY_REQUESTS, text,
					address, asked, from, request);
		}
		Catalog catalog = store.current().catalog();
		// Only a category that exists is kept: the field comes from our page, but anyone can post anything.
		String category = catalog.category(from).isPresent() ? from : null;
		questions.ask(text, address.isEmpty() ? null : address, asked.isEmpty() ? null : asked, category, Instant.now());
		if (ResponseFormat.json(request)) {
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

	/**
	 * The script gets {@code refusal} answered as every error is; a reader without it gets the form again, with
	 * what they typed, so nothing is lost.
	 */
	private ModelAndView refuse(RuntimeException refusal, HttpStatus status, String text, String address,
			String search, String from, HttpServletRequest request) {
		if (ResponseFormat.json(request)) {
			throw refusal;
		}
		ModelAndView page = page(status, search, from);
		page.addObject("askError", refusal.getMessage());
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
