package dev.faqkb.web;

import java.time.Duration;
import java.util.List;

import dev.faqkb.content.Question;
import dev.faqkb.site.PopularQuestions;
import dev.faqkb.site.Snapshot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The home page, made once per snapshot like the other pages ({@link PageCache}). */
@Controller
class HomeController {

	private static final int POPULAR = 5;

	/**
	 * How long the home page is kept when it lists popular questions, which change with page views, not content:
	 * as long as their ranking stays the same.
	 */
	static final Duration POPULAR_FRESH = PopularQuestions.FRESH;

	private final PopularQuestions popular;

	private final PageCache pages;

	private final PageRenderer renderer;

	private final PageMetas metas;

	HomeController(PopularQuestions popular, PageCache pages, PageRenderer renderer, PageMetas metas) {
		this.popular = popular;
		this.pages = pages;
		this.renderer = renderer;
		this.metas = metas;
	}

	@GetMapping("/")
	View home(@ModelAttribute("snapshot") Snapshot snapshot, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return pages.get(snapshot, "/", () -> {
			boolean showPopular = snapshot.catalog().site().popularQuestions();
			List<Question> top = showPopular ? popular.top(snapshot.catalog(), POPULAR) : List.of();
			model.addAttribute("categories", snapshot.catalog().categories());
			model.addAttribute("questionCount", snapshot.catalog().questions().size());
			model.addAttribute("meta", metas.home(snapshot.catalog()));
			model.addAttribute("popular", top);
			CachedPage page = renderer.render("home", model.asMap(), request, response);
			return showPopular ? page.expiringAt(System.currentTimeMillis() + POPULAR_FRESH.toMillis()) : page;
		});
	}

}
