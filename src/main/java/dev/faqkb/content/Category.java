package dev.faqkb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One category file: its front matter, intro, and questions grouped by section.
 *
 * @param updated when the answers last changed, from front matter; {@code null} when not given
 * @param redirects old question id to where that question is now
 * @param draft whether the category is a draft (only served when drafts are shown)
 */
public record Category(String id, String title, String description, int order, String introHtml,
		List<Section> sections, Path source, LocalDate updated, Map<String, Redirect> redirects, boolean draft) {

	public Category {
		sections = List.copyOf(sections);
		redirects = Map.copyOf(redirects);
	}

	public List<Question> questions() {
		return sections.stream().flatMap(section -> section.questions().stream()).toList();
	}

	/**
	 * Old id to the current address of its question on a category page ({@code /faq/general#new-id}): the
	 * map the category page gives {@code redirects.js}, since fragments never reach the server.
	 */
	public Map<String, String> redirectAnchors() {
		Map<String, String> anchors = new TreeMap<>();
		redirects.forEach((oldId, redirect) -> anchors.put(oldId, redirect.anchorUrl()));
		return anchors;
	}

	public String url() {
		return "/faq/" + id;
	}

}
