package dev.faqkb.web;

import java.util.List;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.site.LanguagePrefix;
import dev.faqkb.site.PopularQuestions;
import dev.faqkb.site.Snapshot;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The home page, made once per snapshot like the other pages ({@link PageCache}). */
@Controller
class HomeController {

	private static final int POPULAR = 5;

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

	/**
	 * The default language's home page at {@code /} for everyone, whatever the browser
	 * prefers (so that it is the same page for every reader, and cacheable); a
	 * translation's at {@code /fr/}.
	 */
	@GetMapping({ "/", "/" + LanguagePrefix.VARIABLE + "/" })
	View home(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable(required = false) String lang, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Snapshot.Edition edition = Languages.ofAddress(snapshot, lang);
		Catalog catalog = edition.catalog();
		return pages.get(snapshot, edition.base() + "/", () -> {
			Languages.describe(model, snapshot, edition, other -> other.base() + "/");
			boolean showPopular = catalog.site().popularQuestions();
			List<Question> top = showPopular ? popular.top(catalog, POPULAR) : List.of();
			model.addAttribute("categories", catalog.categories());
			model.addAttribute("questionCount", catalog.questions().size());
			model.addAttribute("meta", metas.home(catalog));
			model.addAttribute("popular", top);
			model.addAttribute("homePage", true);
			CachedPage page = renderer.render("home", model.asMap(), request, response);
			return showPopular ? page.expiringAt(System.currentTimeMillis() + popular.shownFor().toMillis()) : page;
		});
	}

	/** {@code /fr} is {@code /fr/}, as a folder's address is. */
	@GetMapping("/" + LanguagePrefix.VARIABLE)
	View homeWithoutSlash(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable String lang) {
		Snapshot.Edition edition = Languages.ofAddress(snapshot, lang);
		RedirectView redirect = new RedirectView(edition.base() + "/", true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

}
