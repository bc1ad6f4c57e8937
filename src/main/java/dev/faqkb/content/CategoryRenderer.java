package dev.faqkb.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a checked category into the records the site serves, its links rewritten to the site's addresses.
 */
final class CategoryRenderer {

	private CategoryRenderer() {
	}

	/** @param lang the BCP 47 tag of the language the category is written in */
	static Category render(ResolvedCategory resolved, String lang) {
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
						document.html(question.answer(), resolved.linkTargets()), document.text(question.answer()),
						category.file(), question.line(), question.draft(), question.answerMarkdown(), lang, ""));
			}
			sections.add(new Section(section.id(), section.title(), document.html(section.intro(), resolved.linkTargets()),
					questions, lang));
		}
		FrontMatter front = category.frontMatter();
		return new Category(category.id(), front.title(), front.description(), front.order(),
				document.html(outline.intro(), resolved.linkTargets()), sections, category.file(), front.updated(),
				resolved.redirects(), front.draft(), lang, "");
	}

}
