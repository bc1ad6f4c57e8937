package dev.faqkb.integrations;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.content.SiteInfo;

/**
 * {@code /llms.txt} (llmstxt.org: the site's title and summary, then one list of
 * questions per category) and {@code /llms-full.txt} (the same with every answer in
 * Markdown), for AI assistants and their crawlers; a translation's at
 * {@code /fr/llms.txt} and {@code /fr/llms-full.txt}, from its catalog.
 */
final class LlmsTxt {

	private LlmsTxt() {
	}

	static String index(Catalog catalog, String base) {
		StringBuilder text = header(catalog.site());
		String language = catalog.base().isEmpty() ? "" : "&lang=" + catalog.language();
		text.append("Each answer has its own page, listed below. Every answer in one file: [llms-full.txt](")
			.append(base)
			.append(catalog.base())
			.append("/llms-full.txt). Search as JSON: ")
			.append(base)
			.append("/api/search?q={words}")
			.append(language)
			.append(". MCP server (Streamable HTTP): ")
			.append(base)
			.append("/mcp\n");
		for (Category category : catalog.categories()) {
			text.append("\n## ").append(AnswerMarkdown.plain(category.title())).append("\n\n");
			for (Question question : category.questions()) {
				text.append("- [")
					.append(AnswerMarkdown.plain(question.text()))
					.append("](")
					.append(base)
					.append(question.url())
					.append(")\n");
			}
		}
		return text.toString();
	}

	static String full(Catalog catalog, String base) {
		StringBuilder text = header(catalog.site());
		for (Category category : catalog.categories()) {
			text.append("\n## ").append(AnswerMarkdown.plain(category.title())).append("\n\n");
			if (!category.description().isEmpty()) {
				text.append(category.description()).append("\n\n");
			}
			catalog.updated(category)
				.ifPresent(updated -> text.append("Last updated: ").append(updated).append("\n\n"));
			for (Question question : category.questions()) {
				text.append("### ").append(AnswerMarkdown.plain(question.text())).append("\n\n");
				text.append("Source: ").append(base).append(question.url()).append("\n\n");
				// The answer's own headings (### and deeper) go below the question's ###.
				text.append(AnswerMarkdown.of(question, catalog, base, 1)).append("\n\n");
			}
		}
		return text.toString().stripTrailing() + "\n";
	}

	private static StringBuilder header(SiteInfo site) {
		StringBuilder text = new StringBuilder("# ").append(AnswerMarkdown.plain(site.title())).append("\n\n");
		if (!site.description().isEmpty()) {
			text.append("> ").append(site.description().replace('\n', ' ')).append("\n\n");
		}
		return text;
	}

}
