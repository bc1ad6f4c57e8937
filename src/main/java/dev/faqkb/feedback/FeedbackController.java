package dev.faqkb.feedback;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.faqkb.content.Question;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.PlainText;
import dev.faqkb.web.BadRequestException;
import dev.faqkb.web.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * "Was this helpful?" votes and comments. A plain form post gets a 303 back to the answer with a thank-you; a
 * script that asks for JSON gets JSON. Either way the vote is committed before the answer says so.
 */
@Controller
class FeedbackController {

	static final int MAX_COMMENT = 1000;

	static final String READER_COOKIE = "faqkb_reader";

	private static final Duration READER_COOKIE_AGE = Duration.ofDays(365);

	private final Votes votes;

	private final ClientHashes hashes;

	private final RateLimiter rateLimiter;

	FeedbackController(Votes votes, ClientHashes hashes, RateLimiter rateLimiter) {
		this.votes = votes;
		this.hashes = hashes;
		this.rateLimiter = rateLimiter;
	}

	@PostMapping("/faq/{category}/{id}/feedback")
	Object feedback(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable String category,
			@PathVariable String id, @RequestParam(required = false) String helpful,
			@RequestParam(required = false) String comment, @RequestParam(defaultValue = "page") String from,
			@CookieValue(name = READER_COOKIE, required = false) String readerCookie,
			@RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "") String accept, HttpServletRequest request) {
		boolean json = accept.contains(MediaType.APPLICATION_JSON_VALUE);
		Question question = snapshot.catalog()
			.question(category, id)
			.orElseThrow(() -> new NotFoundException(category, id));
		Boolean yes = "yes".equals(helpful) ? Boolean.TRUE : "no".equals(helpful) ? Boolean.FALSE : null;
		if (yes == null) {
			return badRequest(json, "helpful must be 'yes' or 'no'");
		}
		String text = comment == null ? "" : PlainText.withoutControlCharacters(comment.replace("\r\n", "\n")).strip();
		if (text.length() > MAX_COMMENT) {
			return badRequest(json, "Your comment is too long: at most 1,000 characters, it has "
					+ String.format(Locale.ROOT, "%,d", text.length()) + ".");
		}
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String address = request.getRemoteAddr();
		if (!rateLimiter.tryAcquire(hashes.client(address, today))) {
			return tooMany(json);
		}
		String readerId = validReaderId(readerCookie);
		boolean newReader = readerId == null;
		if (newReader) {
			readerId = UUID.randomUUID().toString();
		}
		boolean counted = votes.record(new Votes.Vote(category, id, today, hashes.reader(readerId, address, today), yes,
				text.isEmpty() ? null : text, now));

		ResponseEntity.BodyBuilder response;
		if (json) {
			response = ResponseEntity.ok();
		}
		else {
			response = ResponseEntity.status(HttpStatus.SEE_OTHER).location(backToAnswer(question, from, helpful, !text.isEmpty()));
		}
		if (newReader) {
			response.header(HttpHeaders.SET_COOKIE, readerCookie(readerId, request.isSecure()).toString());
		}
		String message = text.isEmpty() ? "Thank you for your feedback." : "Thank you, your comment has been sent.";
		return json ? response.body(Map.of("counted", counted, "helpful", helpful, "message", message)) : response.build();
	}

	private static URI backToAnswer(Question question, String from, String helpful, boolean commented) {
		String page = "category".equals(from) ? "/faq/" + question.category() : question.url();
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

	private static Object badRequest(boolean json, String message) {
		if (json) {
			return ResponseEntity.badRequest().body(Map.of("error", message));
		}
		throw new BadRequestException(message);
	}

	private static Object tooMany(boolean json) {
		String message = "Too many votes from your network in a short time. Please try again in a minute.";
		if (json) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, "60")
				.body(Map.of("error", message));
		}
		ModelAndView page = new ModelAndView("error/problem", HttpStatus.TOO_MANY_REQUESTS);
		page.addObject("status", HttpStatus.TOO_MANY_REQUESTS.value());
		page.addObject("message", message);
		page.addObject("nearest", List.of());
		return page;
	}

}
