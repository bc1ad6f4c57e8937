package dev.faqkb.web;

import java.util.List;

import dev.faqkb.site.PopularQuestions;
import dev.faqkb.site.Snapshot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

@Controller
class HomeController {

	private static final int POPULAR = 5;

	private final PopularQuestions popular;

	private final PageMetas metas;

	HomeController(PopularQuestions popular, PageMetas metas) {
		this.popular = popular;
		this.metas = metas;
	}

	@GetMapping("/")
	String home(@ModelAttribute("snapshot") Snapshot snapshot, Model model) {
		model.addAttribute("categories", snapshot.catalog().categories());
		model.addAttribute("questionCount", snapshot.catalog().questions().size());
		model.addAttribute("meta", metas.home(snapshot.catalog()));
		model.addAttribute("popular",
				snapshot.catalog().site().popularQuestions() ? popular.top(snapshot.catalog(), POPULAR) : List.of());
		return "home";
	}

}
