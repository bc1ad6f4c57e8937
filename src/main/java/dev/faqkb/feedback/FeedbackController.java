package dev.faqkb.feedback;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.site.NotInCatalogException;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.BadRequestException;
import dev.faqkb.system.ResponseFormat;
import dev.faqkb.system.TooManyRequestsException;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.PlainText;
import dev.faqkb.system.ServiceUnavailableException;
import dev.faqkb.system.Storage;
import dev.faqkb.system.TokenBuckets;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * "Was this helpful?" votes and comments. A plain form post gets a 303 back to the answer with a thank-you; a
 * script that asks for JSON ({@link ResponseFormat}) gets JSON. Either way the vote is committed before the answer
 * says so. Mistakes and the rate limit are exceptions that {@code system} answers in the same format.
 */
@Controller
class FeedbackController {

	static final int MAX_COMMENT = 1000;

	static final String READER_COOKIE = "faqkb_reader";

	private static final Duration READER_COOKIE_AGE = Duration.ofDays(365);

	/** How long a client over the rate limit should wait: the bucket refills one post in at most a minute. */
	private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

	/** A vote that cannot be stored (the database is down, read-only or full): a 503 that says so, never a 500. */
	static final String UNAVAILABLE = "Your feedback cannot be saved right now. Please try again in a few minutes.";

	private static final Duration UNAVAILABLE_RETRY = Duration.ofMinutes(1);

	private final Votes votes;

	private final ClientHashes hashes;

	// faqkb.feedback.rate-limit votes per minute per client; the unique constraint on votes keeps counts exact.
	private final TokenBuckets rateLimiter;

	private final Storage storage;

	FeedbackController(Votes votes, ClientHashes hashes, FaqkbProperties properties, Storage storage) {
		this.storage = storage;
		this.votes = votes;
		this.hashes = hashes;
		this.rateLimiter = new TokenBuckets("faqkb.feedback.rate-limit", properties.feedback().rateLimit());
	}

	@PostMapping("/faq/{category}/{id}/feedback")
	Object feedback(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable String category,
			@PathVariable String id, @RequestParam(required = false) String helpful,
			@RequestParam(required = false) String comment, @RequestParam(defaultValue = "page") String from,
			@CookieValue(name = READER_COOKIE, required = false) String readerCookie, HttpServletRequest request) {
		boolean json = ResponseFormat.json(request);
		Question question = snapshot.catalog()
			.question(category, id)
			.orElseThrow(() -> new NotInCatalogException(category, id));
		Boolean yes = "yes".equals(helpful) ? Boolean.TRUE : "no".equals(helpful) ? Boolean.FALSE : null;
		if (yes == null) {
			throw new BadRequestException("helpful must be 'yes' or 'no'");
		}
		String text = comment == null ? "" : PlainText.withoutControlCharacters(comment.replace("\r\n", "\n")).strip();
		if (text.length() > MAX_COMMENT) {
			throw new BadRequestException("Your comment is too long: at most 1,000 characters, it has "
					+ String.format(Locale.ROOT, "%,d", text.length()) + ".");
		}
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String address = request.getRemoteAddr();
		String readerId = validReaderId(readerCookie);
		boolean newReader = readerId == null;
		if (newReader) {
			readerId = UUID.randomUUID().toString();
		}
		boolean counted;
		try {
			// The client and reader hashes read the day's salt from the database, as the vote writes to it.
			if (!rateLimiter.tryAcquire(hashes.client(address, today))) {
				throw new TooManyRequestsException(
						"Too many votes from your network in a short time. Please try again in a minute.", RETRY_AFTER);
			}
			counted = votes.record(new Votes.Vote(category, id, today, hashes.reader(readerId, address, today), yes,
					text.isEmpty() ? null : text, now));
		}
		catch (DataAccessException ex) {
			// Down, read-only or full: the reader is told, and the next votes are refused at once.
			storage.failed(ex);
			throw new ServiceUnavailableException(UNAVAILABLE, UNAVAILABLE_RETRY, ex);
		}

		ResponseEntity.BodyBuilder response;
		if (json) {
			response = ResponseEntity.ok();
		}
		else {
			response = ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(backToAnswer(snapshot.catalog(), question, from, helpful, !text.isEmpty()));
		}
		if (newReader) {
			response.header(HttpHeaders.SET_COOKIE, readerCookie(readerId, request.isSecure()).toString());
		}
		String message = text.isEmpty() ? "Thank you for your feedback." : "Thank you, your comment has been sent.";
		return json ? response.body(Map.of("counted", counted, "helpful", helpful, "message", message)) : response.build();
	}

	private static URI backToAnswer(Catalog catalog, Question question, String from, String helpful,
			boolean commented) {
		String page = "category".equals(from) ? catalog.category(question.category()).orElseThrow().url()
				: question.url();
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(page)
			.queryParam("thanks", question.id())
			.queryParam("vote", helpful);
		if (commented) {
			uri.queryParam("commented", "true");
		}
		return URI.create(uri.fragment("feedback-" + question.id()).encode().build().toUriString());
	}

	/** A reader id is a UUID we handed out; anything else is treated as no cookie. */
	private static String validReaderId(String cookie) {
		if (cookie == null) {
			return null;
		}
		try {
			return UUID.fromString(cookie).toString().equals(cookie) ? cookie : null;
		}
		catch (IllegalArgumentException notOurs) {
			return null;
		}
	}

	private static ResponseCookie readerCookie(String readerId, boolean secure) {
		return ResponseCookie.from(READER_COOKIE, readerId)
			.path("/")
			.maxAge(READER_COOKIE_AGE)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.build();
	}

}
