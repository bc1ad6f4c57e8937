package dev.faqkb.ask;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.faqkb.content.Catalog;
import dev.faqkb.search.QueryBudget;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.BadRequestException;
import dev.faqkb.system.ContentTooLargeException;
import dev.faqkb.system.ErrorReplies;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.PlainText;
import dev.faqkb.system.Problem;
import dev.faqkb.system.RefusedException;
import dev.faqkb.system.ResponseFormat;
import dev.faqkb.system.ServiceUnavailableException;
import dev.faqkb.system.Storage;
import dev.faqkb.system.TokenBuckets;
import dev.faqkb.system.TooManyRequestsException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Didn't find your answer? Ask us". A plain form post is answered with a 303 to a
 * thank-you page, or, when the question is refused (a mistake in the form, too many
 * questions, the database down), with the form again: what the reader typed still in it,
 * the reason next to the field at fault or above the form, and the status of the refusal.
 * A post too large to be read ({@code system}'s body limits) gets the form too, empty.
 * The script asks for JSON ({@link ResponseFormat}) and gets its errors the way every
 * JSON error is answered ({@link ErrorReplies}). Stores the question, the optional e-mail
 * and where it was asked; nothing about the reader. Posts from other sites never get here
 * ({@code system}'s cross-origin check).
 */
@Controller
class AskController {

	/**
	 * In UTF-16 units, as the browser's {@code maxlength} and H2's {@code VARCHAR} count.
	 */
	static final int MAX_QUESTION = 500;

	static final int MAX_EMAIL = 254;

	static final int MAX_SEARCH = QueryBudget.DEFAULT.maxChars();

	/**
	 * The hidden field naming the category the form was on: a category's name is a file
	 * name, at most 255.
	 */
	static final int MAX_FROM = 255;

	static final String THANKS = "Thank you, we have your question. Once the FAQ answers it, you will find it here.";

	static final String TOO_MANY = "You have sent many questions in a short time. Please try again in a minute.";

	/**
	 * How long a client over the rate limit should wait: the bucket refills one question
	 * in at most a minute.
	 */
	private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

	private static final Sent NOTHING_READ = new Sent("", "", "", "");

	// Deliberately loose: a typo check, not a validator; the owner writes to it by hand.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final OpenQuestions questions;

	private final SnapshotStore store;

	private final Storage storage;

	private final TokenBuckets limits;

	private final ErrorReplies replies;

	AskController(OpenQuestions questions, SnapshotStore store, Storage storage, FaqkbProperties properties,
			ErrorReplies replies) {
		this.questions = questions;
		this.store = store;
		this.storage = storage;
		this.replies = replies;
		this.limits = new TokenBuckets("faqkb.ask.rate-limit", properties.ask().rateLimit());
	}

	@GetMapping("/ask")
	ModelAndView page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String sent) {
		ModelAndView page = page(HttpStatus.OK, PlainText.cut(q.strip(), MAX_SEARCH), "");
		page.addObject("sent", sent != null);
		return page;
	}

	@PostMapping("/ask")
	Object ask(@RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String lang, HttpServletRequest request, HttpServletResponse response) {
		// Control characters out first: nobody types them, and PostgreSQL refuses NUL (a
		// 503 for a typo).
		Sent sent = new Sent(plain(question.replace("\r\n", "\n")), plain(email),
				PlainText.cut(plain(search), MAX_SEARCH), from);
		Mistake mistake = mistake(sent);
		if (mistake != null) {
			return refuse(new BadRequestException(mistake.message()), mistake.field(), sent, request, response);
		}
		if (!limits.tryAcquire(request.getRemoteAddr())) {
			return refuse(new TooManyRequestsException(TOO_MANY, RETRY_AFTER), null, sent, request, response);
		}
		Catalog catalog = store.current().catalog();
		// Only a category and a translation that exist are kept: the fields come from our
		// page, but anyone can post.
		String category = catalog.category(from).isPresent() ? from : null;
		String language = store.current().translations().containsKey(lang) ? lang : null;
		try {
			questions.ask(sent.question(), orNull(sent.email()), orNull(sent.search()), category, Instant.now(),
					language);
		}
		catch (DataAccessException failure) {
			// As ErrorAdvice answers any failure of the database, but here, so that the
			// reader keeps the form.
			storage.failed(failure);
			return refuse(ServiceUnavailableException.databaseUnavailable(failure), null, sent, request, response);
		}
		if (ResponseFormat.json(request)) {
			return ResponseEntity.ok(Map.of("message", THANKS));
		}
		URI thanks = UriComponentsBuilder.fromPath("/ask")
			.queryParam("sent", "1")
			.queryParamIfPresent("q", Optional.of(sent.search()).filter(q -> !q.isEmpty()))
			.encode()
			.build()
			.toUri();
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(thanks).build();
	}

	/**
	 * What is wrong with the form, in words for the reader, and with which field; or
	 * {@code null}.
	 */
	private static Mistake mistake(Sent sent) {
		String text = sent.question();
		if (text.isEmpty()) {
			return new Mistake(Refused.QUESTION, "Please write your question.");
		}
		if (text.length() > MAX_QUESTION) {
			return new Mistake(Refused.QUESTION, "Your question is too long: at most " + MAX_QUESTION
					+ " characters, it has " + String.format(Locale.ROOT, "%,d", text.length()) + ".");
		}
		String address = sent.email();
		if (!address.isEmpty() && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
			return new Mistake(Refused.EMAIL, "\u201c" + PlainText.cut(address, 60)
					+ "\u201d does not look like an e-mail address. Leave it empty if you need no reply.");
		}
		return null;
	}

	/**
	 * Its parameters could not be read, so the form comes back empty, with the reason
	 * above it.
	 */
	@ExceptionHandler(ContentTooLargeException.class)
	Object tooLarge(ContentTooLargeException refusal, HttpServletRequest request, HttpServletResponse response) {
		return refuse(refusal, null, NOTHING_READ, request, response);
	}

	/**
	 * The script gets {@code refusal} answered as every error is; a reader without it
	 * gets the form again with the refusal's status, headers and what they typed, so
	 * nothing is lost.
	 * @param field the field at fault ({@link Refused#QUESTION}, {@link Refused#EMAIL}),
	 * or {@code null} when it is none of the reader's doing
	 */
	private Object refuse(RefusedException refusal, String field, Sent sent, HttpServletRequest request,
			HttpServletResponse response) {
		Problem problem = refusal.problem();
		if (ResponseFormat.json(request)) {
			return replies.reply(request, response, problem, refusal);
		}
		ErrorReplies.addHeaders(response, problem);
		// The page holds what the reader typed, their e-mail address too: no browser or
		// proxy keeps it.
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		ModelAndView page = page(problem.status(), sent.search(), sent.from());
		page.addObject("refused", new Refused(sent.question(), sent.email(), problem.message(), field));
		return page;
	}

	private ModelAndView page(HttpStatus status, String search, String from) {
		ModelAndView page = new ModelAndView("ask/page", status);
		page.addObject("site", store.current().catalog().site());
		page.addObject("search", search);
		page.addObject("from", from);
		page.addObject("sent", false);
		// the form is the page: its heading is the page's h1, not a second "Ask us"
		page.addObject("standalone", true);
		return page;
	}

	private static String plain(String typed) {
		return PlainText.withoutControlCharacters(typed).strip();
	}

	private static String orNull(String text) {
		return text.isEmpty() ? null : text;
	}

	/**
	 * What the reader sent, control characters out and trimmed; the search capped to what
	 * is stored.
	 */
	private record Sent(String question, String email, String search, String from) {
	}

	private record Mistake(String field, String message) {
	}

	/**
	 * A refused question as {@code ask/form} shows it again.
	 *
	 * @param message why, in words for the reader
	 * @param field the field at fault, shown next to it; {@code null}: the whole form,
	 * the message above it
	 */
	record Refused(String question, String email, String message, String field) {

		static final String QUESTION = "question";

		static final String EMAIL = "email";

	}

}
