package dev.faqkb.ask;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.site.Period;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.AdminEnabled;
import dev.faqkb.system.BadRequestException;
import dev.faqkb.system.NotFoundException;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The owner's side of the open questions: the "Open questions" section of
 * {@code /admin/insights} (added to its page from here, so the insights need not know
 * this feature), marking one answered or dismissing it, and the CSV. Only registered when
 * the admin pages are on; Spring Security asks for the password before any of these.
 */
@Controller
@Conditional(AdminEnabled.class)
class OpenQuestionsAdmin implements WebMvcConfigurer {

	static final int SHOWN = 100;

	// category/id, /faq/category/id or a whole address ending in it, as an owner may
	// paste any of them
	private static final Pattern ANSWER = Pattern.compile("(?:.*/faq/)?/?([A-Za-z0-9_-]+)[/#]([A-Za-z0-9_-]+)/?");

	private final OpenQuestions questions;

	private final SnapshotStore store;

	OpenQuestionsAdmin(OpenQuestions questions, SnapshotStore store) {
		this.questions = questions;
		this.store = store;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (page != null && "admin/insights".equals(page.getViewName())) {
					page.addObject("openQuestions", questions.open(SHOWN));
					page.addObject("openQuestionCount", questions.countOpen());
				}
			}

		}).addPathPatterns("/admin/insights");
	}

	@PostMapping("/admin/open-questions/{id}/answered")
	Object answered(@PathVariable long id, @RequestParam(defaultValue = "") String answer) {
		Catalog catalog = store.current().catalog();
		Matcher parts = ANSWER.matcher(answer.strip());
		Question question = parts.matches() ? catalog.question(parts.group(1), parts.group(2)).orElse(null) : null;
		if (question == null) {
			throw new BadRequestException("There is no answer '" + answer.strip()
					+ "' in the content. Give the new answer as category/id, like the end of its address: "
					+ example(catalog) + ".");
		}
		if (!questions.answered(id, question.category(), question.id(), Instant.now())) {
			throw notOpen(id);
		}
		return backToInsights();
	}

	@PostMapping("/admin/open-questions/{id}/dismissed")
	Object dismissed(@PathVariable long id) {
		if (!questions.dismissed(id, Instant.now())) {
			throw notOpen(id);
		}
		return backToInsights();
	}

	@GetMapping("/admin/open-questions.csv")
	Object csv(@RequestParam(required = false) String period) {
		Period chosen = Period.parse(period);
		LocalDate until = LocalDate.now(ZoneOffset.UTC);
		String filename = "faqkb-open-questions-" + chosen.days() + "d-" + until + ".csv";
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(OpenQuestionsCsv.write(questions.askedBetween(chosen.firstDay(until), until)));
	}

	private static String example(Catalog catalog) {
		return catalog.questions().isEmpty() ? "general/some-question"
				: catalog.questions().get(0).category() + "/" + catalog.questions().get(0).id();
	}

	private static ResponseEntity<Void> backToInsights() {
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.header(HttpHeaders.LOCATION, "/admin/insights#open-questions")
			.build();
	}

	private static NotFoundException notOpen(long id) {
		return new NotFoundException(
				"Question " + id + " is not open: it was answered or dismissed already, or never asked.");
	}

}
