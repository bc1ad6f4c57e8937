package dev.faqkb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a checked category into the records the site serves, its links rewritten to the
 * site's addresses.
 */
final class CategoryRenderer {

	private CategoryRenderer() {
	}

	/**
	 * @param lang the BCP 47 tag of the language the category is written in
	 * @param files the images and files of the folder that the content uses
	 */
	static Category render(ResolvedCategory resolved, String lang, ServedFiles files) {
		Map<String, ServedFile> byUrl = files.byUrl();
		ParsedCategory category = resolved.parsed();
		Outline outline = category.outline();
		MarkdownDocument document = outline.document();
		List<Section> sections = new ArrayList<>();
		for (Outline.Section section : outline.sections()) {
			if (section.title() == null && section.questions().isEmpty()) {
				continue;
			}
			List<Question> questions = new ArrayList<>();
			for (Outline.Question question : section.questions()) {
				questions.add(new Question(category.id(), question.id(), question.text(), section.title(),
						document.html(question.answer(), question.id(), resolved.linkTargets(), byUrl),
						document.text(question.answer()), category.file(), question.line(), question.draft(),
						question.answerMarkdown(), lang, ""));
			}
			sections.add(new Section(
					section.id(), section.title(), document.html(section.intro(),
							section.id() != null ? section.id() : "intro", resolved.linkTargets(), byUrl),
					questions, lang));
		}
		FrontMatter front = category.frontMatter();
		return new Category(category.id(), front.title(), front.description(), front.order(),
				document.html(outline.intro(), "intro", resolved.linkTargets(), byUrl), sections, category.file(),
				front.updated(), resolved.redirects(), front.draft(), lang, "");
	}

}
