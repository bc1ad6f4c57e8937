package dev.faqkb.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One category file: its front matter, intro, and questions grouped by section.
 *
 * @param updated when the answers last changed, from front matter; {@code null} when not
 * given
 * @param redirects old question id to where that question is now
 * @param draft whether the category is a draft (only served when drafts are shown)
 * @param lang the BCP 47 tag of the language of its title, description and intro
 * @param base the address prefix of the language it is served in: empty for the default
 * language, {@code /fr} for French
 */
public record Category(String id, String title, String description, int order, String introHtml, List<Section> sections,
		Path source, LocalDate updated, Map<String, Redirect> redirects, boolean draft, String lang, String base) {

	public Category {
		sections = List.copyOf(sections);
		redirects = Map.copyOf(redirects);
	}

	/** A category of a site in English, the default language, at its addresses. */
	public Category(String id, String title, String description, int order, String introHtml, List<Section> sections,
			Path source, LocalDate updated, Map<String, Redirect> redirects, boolean draft) {
		this(id, title, description, order, introHtml, sections, source, updated, redirects, draft,
				SiteInfo.DEFAULT_LANGUAGE, "");
	}

	public List<Question> questions() {
		return sections.stream().flatMap(section -> section.questions().stream()).toList();
	}

	/**
	 * Old id to the current address of its question on a category page
	 * ({@code /faq/general#new-id}): the map the category page gives
	 * {@code redirects.js}, since fragments never reach the server.
	 */
	public Map<String, String> redirectAnchors() {
		Map<String, String> anchors = new TreeMap<>();
		redirects.forEach((oldId, redirect) -> anchors.put(oldId, redirect.anchorUrl()));
		return anchors;
	}

	public String url() {
		return base + "/faq/" + id;
	}

}
