package dev.faqkb.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import dev.faqkb.content.Slugs;

/**
 * The text of a category file for an {@link ImportedCategory}, in the content format (see
 * docs/authors.md). The same category always gives the same bytes, so a re-import changes
 * nothing that did not change in the source. Each question gets its source's id where it
 * has one, otherwise the slug of its text, which the loader computes itself:
 * {@code {#id}} is written only where the loader would compute another id.
 */
final class CategoryFile {

	private CategoryFile() {
	}

	/**
	 * @param problems where questions left out or given another id are reported
	 */
	static String render(ImportedCategory category, List<Problem> problems) {
		List<String> blocks = new ArrayList<>();
		StringBuilder front = new StringBuilder("---\n");
		front.append("title: ").append(Markdown.yamlString(Markdown.collapse(category.title()))).append('\n');
		if (!category.description().isBlank()) {
			front.append("description: ")
				.append(Markdown.yamlString(Markdown.collapse(category.description())))
				.append('\n');
		}
		blocks.add(front.append("---").toString());
		if (!category.intro().isBlank()) {
			blocks.add(AnswerHeadings.demote(category.intro().strip()));
		}
		Map<String, Integer> idLines = new HashMap<>();
		int number = 0;
		for (ImportedCategory.Section section : category.sections()) {
			if (section.title() != null) {
				blocks.add("# " + Markdown.collapse(section.title()));
				if (!section.intro().isBlank()) {
					blocks.add(AnswerHeadings.demote(section.intro().strip()));
				}
			}
			for (ImportedCategory.Question question : section.questions()) {
				number++;
				String heading = Markdown.collapse(question.heading());
				if (heading.isEmpty()) {
					problems.add(new Problem(category.source(), question.line(), "a question without text: left out"));
					continue;
				}
				if (question.answer().isBlank()) {
					problems.add(new Problem(category.source(), question.line(),
							"question '" + Markdown.collapse(question.plain()) + "' has no answer: left out"));
					continue;
				}
				String id = id(category, question, number, idLines, problems);
				String plain = Markdown.collapse(question.plain());
				// Where the loader would compute the same id from the heading, the file
				// need not say it.
				boolean loaderAgrees = heading.equals(plain) && id.equals(Slugs.slug(plain));
				boolean given = question.id() != null && id.equals(question.id());
				blocks.add("## " + heading + (loaderAgrees && !given ? "" : " {#" + id + "}"));
				blocks.add(AnswerHeadings.demote(question.answer().strip()));
			}
		}
		return String.join("\n\n", blocks) + "\n";
	}

	/**
	 * The question's id: its own if valid, else its slug; unique in the category, with
	 * every change reported.
	 */
	private static String id(ImportedCategory category, ImportedCategory.Question question, int number,
			Map<String, Integer> idLines, List<Problem> problems) {
		String slug = Slugs.slug(Markdown.collapse(question.plain()));
		String id = question.id();
		if (id != null && !Slugs.isValidId(id)) {
			problems.add(new Problem(category.source(), question.line(),
					"'" + id + "' is not a valid id (letters, digits, '-' and '_'): the question's id is its slug '"
							+ slug + "'"));
			id = null;
		}
		if (id == null) {
			id = slug;
		}
		if (!Slugs.isValidId(id)) {
			id = "question-" + number;
			problems.add(new Problem(category.source(), question.line(),
					"the question's text gives no usable id: it is '" + id + "'; give it an explicit {#id}"));
		}
		Integer first = idLines.get(id);
		if (first != null) {
			String taken = id;
			int suffix = 2;
			while (idLines.containsKey(taken + "-" + suffix)) {
				suffix++;
			}
			id = taken + "-" + suffix;
			problems.add(new Problem(category.source(), question.line(),
					"the id '" + taken + "' is taken by the question on line " + first + ": this one is '" + id
							+ "'; give it an id of its own"));
		}
		idLines.put(id, question.line());
		return id;
	}

}
