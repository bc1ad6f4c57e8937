package dev.faqkb.web;

import dev.faqkb.site.Snapshot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

@Controller
class HomeController {

	@GetMapping("/")
	String home(@ModelAttribute("snapshot") Snapshot snapshot, Model model) {
		model.addAttribute("categories", snapshot.catalog().categories());
		return "home";
	}

}
