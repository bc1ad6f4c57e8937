package dev.faqkb.web;

import java.util.Optional;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.content.Redirect;
import dev.faqkb.site.LanguagePrefix;
import dev.faqkb.site.AnswerViews;
import dev.faqkb.site.NotInCatalogException;
import dev.faqkb.site.Snapshot;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Category and answer pages, made once per snapshot ({@link PageCache}) and then served
 * by {@link CachedPagesFilter} without reaching this controller, except for an answer
 * asked for with {@code hl}, which is made for that request when words of it are marked,
 * and streamed to it ({@link PageRenderer#once}). A {@link LargeAnswers large answer} is
 * never marked, and the pages that hold one are made one at a time.
 */
@Controller
class FaqController {

	static final int RELATED = 5;

	private final PageCache pages;

	private final PageRenderer renderer;

	private final AnswerViews views;

	private final PageMetas metas;

	private final LargeAnswers large;

	FaqController(PageCache pages, PageRenderer renderer, AnswerViews views, PageMetas metas, LargeAnswers large) {
		this.pages = pages;
		this.renderer = renderer;
		this.views = views;
		this.metas = metas;
		this.large = large;
	}

	/**
	 * @param lang the language of a translation's address ({@code /fr/faq/general}), none
	 * for the default one's
	 */
	@GetMapping({ "/faq/{category}", "/" + LanguagePrefix.VARIABLE + "/faq/{category}" })
	View category(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable(required = false) String lang,
			@PathVariable String category, Model model, HttpServletRequest request, HttpServletResponse response) {
		Snapshot.Edition edition = Languages.ofAddress(snapshot, lang);
		Catalog catalog = edition.catalog();
		Category found = catalog.category(category).orElseThrow(() -> new NotInCatalogException(category, null, lang));
		return pages.get(snapshot, found.url(), () -> large.make(large.anyLarge(found), () -> {
			Languages.describe(model, snapshot, edition, other -> other.base() + "/faq/" + category);
			model.addAttribute("category", found);
			model.addAttribute("editUrl", catalog.editUrl(found).orElse(null));
			model.addAttribute("meta", metas.category(catalog, found));
			model.addAttribute("colourCode", AnswerHtml.hasCodeToColour(found.introHtml()) || found.sections()
				.stream()
				.anyMatch(section -> AnswerHtml.hasCodeToColour(section.introHtml())
						|| section.questions().stream().anyMatch(q -> AnswerHtml.hasCodeToColour(q.answerHtml()))));
			return renderer.render("faq/category", model.asMap(), request, response);
		}));
	}

	/**
	 * @param hl words to mark in the answer, passed by a search result link; left out of
	 * the canonical link and the anchors, so links that people share stay clean. Only
	 * such a request makes its own page, when the answer is not {@link LargeAnswers
	 * large} and has any of the words; otherwise it gets the page made once for everyone.
	 */
	@GetMapping({ "/faq/{category}/{id}", "/" + LanguagePrefix.VARIABLE + "/faq/{category}/{id}" })
	View question(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable(required = false) String lang,
			@PathVariable String category, @PathVariable String id, @RequestParam(required = false) String hl,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Snapshot.Edition edition = Languages.ofAddress(snapshot, lang);
		Catalog catalog = edition.catalog();
		Category foundCategory = catalog.category(category)
			.orElseThrow(() -> new NotInCatalogException(category, null, lang));
		Optional<Redirect> moved = catalog.redirect(category, id);
		if (moved.isPresent()) {
			// Permanent, so that search engines and bookmarks move to the question's
			// current address.
			RedirectView redirect = new RedirectView(moved.get().url(), true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			redirect.setExposeModelAttributes(false);
			return redirect;
		}
		Question question = catalog.question(category, id)
			.orElseThrow(() -> new NotInCatalogException(category, id, lang));
		views.viewed(question, request.getHeader(HttpHeaders.USER_AGENT));
		Optional<String> marked = hl == null || hl.isBlank() || large.large(question) ? Optional.empty()
				: edition.index().markedAnswer(question.answerHtml(), hl);
		if (marked.isPresent()) {
			answerModel(snapshot, edition, foundCategory, question, marked.get(), model);
			return renderer.once("faq/question", model.asMap());
		}
		return pages.get(snapshot, question.url(), () -> large.make(large.large(question), () -> {
			answerModel(snapshot, edition, foundCategory, question, question.answerHtml(), model);
			return renderer.render("faq/question", model.asMap(), request, response).withAnswer(question);
		}));
	}

	private void answerModel(Snapshot snapshot, Snapshot.Edition edition, Category category, Question question,
			String answerHtml, Model model) {
		Catalog catalog = edition.catalog();
		Languages.describe(model, snapshot, edition,
				other -> other.base() + "/faq/" + question.category() + "/" + question.id());
		model.addAttribute("category", category);
		model.addAttribute("question", question);
		model.addAttribute("answerHtml", answerHtml);
		model.addAttribute("related", edition.index().related(question, RELATED));
		model.addAttribute("previous", catalog.previous(question).orElse(null));
		model.addAttribute("next", catalog.next(question).orElse(null));
		model.addAttribute("updated", catalog.updated(question).orElse(null));
		model.addAttribute("editUrl", catalog.editUrl(category).orElse(null));
		model.addAttribute("meta", metas.question(catalog, category, question));
		model.addAttribute("colourCode", AnswerHtml.hasCodeToColour(answerHtml));
	}

}
