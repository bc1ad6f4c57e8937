package dev.faqkb.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.faqkb.content.Question;
import dev.faqkb.site.NotInCatalogException;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.BadRequestException;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.PlainText;
import dev.faqkb.system.ResponseFormat;
import dev.faqkb.system.TokenBuckets;
import dev.faqkb.system.TooManyRequestsException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Was this helpful?" votes and comments. A plain form post (no JavaScript) is answered
 * with the thank-you page, which offers the comment box; a script that asks for JSON
 * ({@link ResponseFormat}) gets JSON and shows the same steps in place. The thank-you is
 * the reply to the post rather than a state of the answer page, so that the answer page
 * is the same cached bytes for every reader. Either way the vote is committed before the
 * reply says so. Mistakes, the rate limit and a database that cannot be used (a 503 that
 * says so, never a 500) are exceptions that {@code system} answers in the same format, as
 * everywhere on the site; posts from other sites never get here ({@code system}'s
 * cross-origin check).
 */
@Controller
class FeedbackController {

	static final String PATH = "/faq/{category}/{id}/feedback";

	/**
	 * A vote from a translation's page: counted for the same question, answered in that
	 * language.
	 */
	static final String LANGUAGE_PATH = "/{lang}/faq/{category}/{id}/feedback";

	static final int MAX_COMMENT = 1000;

	static final String READER_COOKIE = "faqkb_reader";

	static final String THANKS = "feedback/thanks";

	private static final Duration READER_COOKIE_AGE = Duration.ofDays(365);

	/**
	 * How long a client over the rate limit should wait: the bucket refills one post in
	 * at most a minute.
	 */
	private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

	private final Votes votes;

	private final ClientHashes hashes;

	// faqkb.feedback.rate-limit votes per minute per client address (kept salted and
	// hashed by TokenBuckets); the
	// unique constraint on votes keeps counts exact.
	private final TokenBuckets rateLimiter;

	// Which day a vote counts on (UTC): the system's clock, unless a test sets the time.
	private final Clock clock;

	FeedbackController(Votes votes, ClientHashes hashes, FaqkbProperties properties, ObjectProvider<Clock> clock) {
		this.clock = clock.getIfUnique(Clock::systemUTC);
		this.votes = votes;
		this.hashes = hashes;
		this.rateLimiter = new TokenBuckets("faqkb.feedback.rate-limit", properties.feedback().rateLimit());
	}

	@PostMapping({ PATH, LANGUAGE_PATH })
	Object feedback(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable(required = false) String lang,
			@PathVariable String category, @PathVariable String id, @RequestParam(required = false) String helpful,
			@RequestParam(required = false) String comment, @RequestParam(defaultValue = "page") String from,
			@CookieValue(name = READER_COOKIE, required = false) String readerCookie, HttpServletRequest request,
			HttpServletResponse response) {
		boolean json = ResponseFormat.json(request);
		// the default language's tag has no addresses of its own, as for pages
		Optional<Snapshot.Edition> edition = lang == null ? Optional.of(snapshot.original())
				: Optional.ofNullable(snapshot.translations().get(lang));
		Question question = edition.flatMap(language -> language.catalog().question(category, id))
			.orElseThrow(() -> new NotInCatalogException(category, id, lang));
		Boolean yes = "yes".equals(helpful) ? Boolean.TRUE : "no".equals(helpful) ? Boolean.FALSE : null;
		if (yes == null) {
			throw new BadRequestException("helpful must be 'yes' or 'no'");
		}
		String text = comment == null ? "" : PlainText.withoutControlCharacters(comment.replace("\r\n", "\n")).strip();
		if (text.length() > MAX_COMMENT) {
			throw new BadRequestException(String.format(Locale.ROOT,
					"Your comment is too long: at most %,d characters, it has %,d.", MAX_COMMENT, text.length()));
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String address = request.getRemoteAddr();
		String readerId = validReaderId(readerCookie);
		boolean newReader = readerId == null;
		if (newReader) {
			readerId = UUID.randomUUID().toString();
		}
		// By address, not by a hash with the day's salt: that would give every client a
		// fresh allowance at midnight.
		if (!rateLimiter.tryAcquire(address)) {
			throw new TooManyRequestsException(
					"Too many votes from your network in a short time. Please try again in a minute.", RETRY_AFTER);
		}
		boolean counted = votes.record(new Votes.Vote(category, id, today, hashes.reader(readerId, address, today), yes,
				text.isEmpty() ? null : text, now));

		if (newReader) {
			response.addHeader(HttpHeaders.SET_COOKIE, readerCookie(readerId, request.isSecure()).toString());
		}
		// The reply is this reader's alone: never kept by a browser or proxy.
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		String message = text.isEmpty() ? "Thank you for your feedback." : "Thank you, your comment has been sent.";
		if (json) {
			return ResponseEntity.ok().body(Map.of("counted", counted, "helpful", helpful, "message", message));
		}
		// in the address's language (site.AddressLocale), its words from the message
		// bundles
		ModelAndView thanks = new ModelAndView(THANKS);
		thanks.addObject("question", question);
		thanks.addObject("site", edition.get().catalog().site());
		thanks.addObject("addressBase", edition.get().base());
		thanks.addObject("helpful", helpful);
		thanks.addObject("commented", !text.isEmpty());
		thanks.addObject("from", "category".equals(from) ? "category" : "page");
		thanks.addObject("back", "category".equals(from) ? question.anchorUrl() : question.url());
		return thanks;
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
