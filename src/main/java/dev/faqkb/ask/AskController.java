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
import dev.faqkb.site.LanguagePrefix;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.BadRequestException;
import dev.faqkb.system.ContentTooLargeException;
import dev.faqkb.system.ErrorReplies;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.NotFoundException;
import dev.faqkb.system.PlainText;
import dev.faqkb.system.Problem;
import dev.faqkb.system.RefusedException;
import dev.faqkb.system.ResponseFormat;
import dev.faqkb.system.ServiceUnavailableException;
import dev.faqkb.system.Storage;
import dev.faqkb.system.TokenBuckets;
import dev.faqkb.system.TooManyRequestsException;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
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
 * ({@code system}'s cross-origin check). A translation's pages have the form at their
 * prefix ({@code /fr/ask}): it is asked, refused and thanked there, in that language
 * (site.AddressLocale), and the question is kept with it.
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
	 * The form of a translation's pages: asked, refused and thanked in that language
	 * (site.AddressLocale), under its prefix as the pages it is on. Never {@code faq},
	 * {@code api}, {@code mcp} or {@code ask}, so that {@code /faq/ask} stays a
	 * category's address ({@link LanguagePrefix}).
	 */
	static final String LANGUAGE_PATH = "/" + LanguagePrefix.VARIABLE + "/ask";

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

	private final MessageSource messages;

	AskController(OpenQuestions questions, SnapshotStore store, Storage storage, FaqkbProperties properties,
			ErrorReplies replies, MessageSource messages) {
		this.messages = messages;
		this.questions = questions;
		this.store = store;
		this.storage = storage;
		this.replies = replies;
		this.limits = new TokenBuckets("faqkb.ask.rate-limit", properties.ask().rateLimit());
	}

	@GetMapping({ "/ask", LANGUAGE_PATH })
	ModelAndView page(@PathVariable(required = false) String lang, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String sent) {
		ModelAndView page = page(edition(lang), HttpStatus.OK, PlainText.cut(q.strip(), MAX_SEARCH), "");
		page.addObject("sent", sent != null);
		return page;
	}

	/**
	 * @param lang the address's language; {@code null} at {@code /ask}, where the posted
	 * {@code language} names the translation it was asked in (a form of a page made
	 * before the form posted to its language's address)
	 */
	@PostMapping({ "/ask", LANGUAGE_PATH })
	Object ask(@PathVariable(required = false) String lang, @RequestParam(defaultValue = "") String question,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String search,
			@RequestParam(defaultValue = "") String from,
			@RequestParam(name = "lang", defaultValue = "") String language, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Snapshot.Edition edition = edition(lang);
		// Control characters out first: nobody types them, and PostgreSQL refuses NUL (a
		// 503 for a typo).
		Sent sent = new Sent(plain(question.replace("\r\n", "\n")), plain(email),
				PlainText.cut(plain(search), MAX_SEARCH), from);
		Mistake mistake = mistake(sent);
		if (mistake != null) {
			return refuse(edition, new BadRequestException(mistake.words()), mistake.field(), sent, request, response);
		}
		if (!limits.tryAcquire(request.getRemoteAddr())) {
			return refuse(edition,
					new TooManyRequestsException(Problem.words("ask.refused.too-many", TOO_MANY), RETRY_AFTER), null,
					sent, request, response);
		}
		Catalog catalog = store.current().catalog();
		// Only a category and a translation that exist are kept: the fields come from our
		// page, but anyone can post.
		String category = catalog.category(from).isPresent() ? from : null;
		String asked = lang != null ? lang : language;
		if (!store.current().translations().containsKey(asked)) {
			asked = null;
		}
		try {
			questions.ask(sent.question(), orNull(sent.email()), orNull(sent.search()), category, Instant.now(), asked);
		}
		catch (DataAccessException failure) {
			// As ErrorAdvice answers any failure of the database, but here, so that the
			// reader keeps the form.
			storage.failed(failure);
			return refuse(edition, ServiceUnavailableException.databaseUnavailable(failure), null, sent, request,
					response);
		}
		if (ResponseFormat.json(request)) {
			return ResponseEntity.ok(Map.of("message", messages.getMessage("ask.thanks", null, THANKS, locale)));
		}
		URI thanks = UriComponentsBuilder.fromPath(edition.base() + "/ask")
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
			return new Mistake(Refused.QUESTION,
					Problem.words("ask.refused.question.empty", "Please write your question."));
		}
		if (text.length() > MAX_QUESTION) {
			return new Mistake(Refused.QUESTION, Problem.words("ask.refused.question.too-long",
					"Your question is too long: at most {0,number,integer} characters, it has {1,number,integer}.",
					MAX_QUESTION, text.length()));
		}
		String address = sent.email();
		if (!address.isEmpty() && (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches())) {
			return new Mistake(Refused.EMAIL, Problem.words("ask.refused.email",
					"\u201c{0}\u201d does not look like an e-mail address. Leave it empty if you need no reply.",
					PlainText.cut(address, 60)));
		}
		return null;
	}

	/**
	 * The language of the address: the default language at {@code /ask}.
	 * @throws NotFoundException for a language the site does not have, and for the
	 * default language's own tag, whose form is at {@code /ask}
	 */
	private Snapshot.Edition edition(String lang) {
		Snapshot snapshot = store.current();
		Snapshot.Edition edition = lang == null ? snapshot.original() : snapshot.translations().get(lang);
		if (edition == null) {
			throw new NotFoundException("There is nothing at this address. The link may be mistyped.");
		}
		return edition;
	}

	/**
	 * Its parameters could not be read, so the form comes back empty, with the reason
	 * above it.
	 */
	@ExceptionHandler(ContentTooLargeException.class)
	Object tooLarge(ContentTooLargeException refusal, HttpServletRequest request, HttpServletResponse response) {
		// the address was matched before the body was read: its language is known
		Object matched = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Snapshot snapshot = store.current();
		Snapshot.Edition edition = matched instanceof Map<?, ?> variables && variables.get("lang") != null
				? snapshot.translations().getOrDefault(variables.get("lang"), snapshot.original())
				: snapshot.original();
		return refuse(edition, refusal, null, NOTHING_READ, request, response);
	}

	/**
	 * The script gets {@code refusal} answered as every error is; a reader without it
	 * gets the form again with the refusal's status, headers and what they typed, so
	 * nothing is lost.
	 * @param field the field at fault ({@link Refused#QUESTION}, {@link Refused#EMAIL}),
	 * or {@code null} when it is none of the reader's doing
	 */
	private Object refuse(Snapshot.Edition edition, RefusedException refusal, String field, Sent sent,
			HttpServletRequest request, HttpServletResponse response) {
		Problem problem = refusal.problem();
		if (ResponseFormat.json(request)) {
			return replies.reply(request, response, problem, refusal);
		}
		ErrorReplies.addHeaders(response, problem);
		// The page holds what the reader typed, their e-mail address too: no browser or
		// proxy keeps it.
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		ModelAndView page = page(edition, problem.status(), sent.search(), sent.from());
		// in the address's language (site.AddressLocale), as every error is said
		String message = replies.inReadersLanguage(request, problem).message();
		page.addObject("refused", new Refused(sent.question(), sent.email(), message, field));
		return page;
	}

	/** The page in the language of {@code edition}: its site's title, its links. */
	private ModelAndView page(Snapshot.Edition edition, HttpStatus status, String search, String from) {
		ModelAndView page = new ModelAndView("ask/page", status);
		page.addObject("site", edition.catalog().site());
		page.addObject("addressBase", edition.base());
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

	/** A mistake in the form: the field at fault and why, in words for the reader. */
	private record Mistake(String field, MessageSourceResolvable words) {
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
