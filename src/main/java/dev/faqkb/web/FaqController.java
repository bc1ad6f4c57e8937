package dev.faqkb.web;

import java.util.Optional;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.content.Redirect;
import dev.faqkb.site.NotInCatalogException;
import dev.faqkb.site.Snapshot;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;

@Controller
class FaqController {

	static final int RELATED = 5;

	private final PageMetas metas;

	FaqController(PageMetas metas) {
		this.metas = metas;
	}

	@GetMapping("/faq/{category}")
	String category(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable String category, Model model) {
		Catalog catalog = snapshot.catalog();
		Category found = catalog.category(category).orElseThrow(() -> new NotInCatalogException(category, null));
		model.addAttribute("category", found);
		model.addAttribute("meta", metas.category(catalog, found));
		return "faq/category";
	}

	/**
	 * @param hl words to mark in the answer, passed by a search result link; left out of the canonical
	 * link and the anchors, so links that people share stay clean
	 */
	@GetMapping("/faq/{category}/{id}")
	String question(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable String category,
			@PathVariable String id, @RequestParam(required = false) String hl, Model model,
			HttpServletRequest request) {
		Catalog catalog = snapshot.catalog();
		Category foundCategory = catalog.category(category).orElseThrow(() -> new NotInCatalogException(category, null));
		Optional<Redirect> moved = catalog.redirect(category, id);
		if (moved.isPresent()) {
			// Permanent, so that search engines and bookmarks move to the question's current address.
			request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
			return "redirect:" + moved.get().url();
		}
		Question question = catalog.question(category, id).orElseThrow(() -> new NotInCatalogException(category, id));
		model.addAttribute("category", foundCategory);
		model.addAttribute("question", question);
		model.addAttribute("answerHtml", snapshot.index().highlightAnswer(question.answerHtml(), hl));
		model.addAttribute("related", snapshot.index().related(question, RELATED));
		model.addAttribute("previous", catalog.previous(question).orElse(null));
		model.addAttribute("next", catalog.next(question).orElse(null));
		model.addAttribute("meta", metas.question(catalog, foundCategory, question));
		return "faq/question";
	}

}
