package dev.faqkb.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.content.SiteInfo;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Builds the {@link PageMeta} of the home, category and question pages, with schema.org
 * data: {@code WebSite} with its search on the home page, {@code FAQPage} on a category
 * page, {@code QAPage} on a question page. Everything comes from the content, nothing
 * from the request, so a page is the same for every visitor.
 */
@Component
class PageMetas {

	private static final String SCHEMA = "https://schema.org";

	/**
	 * How much of an answer's text its schema.org data gives: search engines show a few
	 * lines of it, and a page must not carry a very large answer twice (its own text is
	 * the page's).
	 */
	static final int ANSWER_TEXT = 10_000;

	private final JsonMapper json;

	PageMetas(JsonMapper json) {
		this.json = json;
	}

	PageMeta home(Catalog catalog) {
		SiteInfo site = catalog.site();
		String description = site.description().isEmpty()
				? PageMeta.shorten(catalog.questions().size() + " questions and answers about "
						+ catalog.categories().stream().map(Category::title).collect(Collectors.joining(", ")) + ".")
				: PageMeta.shorten(site.description());
		Map<String, Object> search = thing("SearchAction");
		String home = site.baseUrl() + catalog.base() + "/";
		search.put("target", site.baseUrl() + catalog.base() + "/search?q={search_term_string}");
		search.put("query-input", "required name=search_term_string");
		Map<String, Object> data = page("WebSite");
		data.put("name", site.title());
		data.put("url", home);
		data.put("inLanguage", catalog.language());
		data.put("potentialAction", search);
		return new PageMeta(site.title(), description, home, "website", script(data));
	}

	PageMeta category(Catalog catalog, Category category) {
		String base = catalog.site().baseUrl();
		List<Question> questions = category.questions();
		String description = !category.description().isEmpty() ? PageMeta.shorten(category.description())
				: PageMeta.shorten(questions.size() + (questions.size() == 1 ? " question: " : " questions: ")
						+ questions.stream().map(Question::text).collect(Collectors.joining(" ")));
		Map<String, Object> data = page("FAQPage");
		data.put("name", category.title());
		data.put("url", base + category.url());
		data.put("inLanguage", catalog.language());
		data.put("mainEntity", questions.stream().map(question -> {
			Map<String, Object> entry = thing("Question");
			entry.put("name", question.text());
			// an answer not translated yet is in the default language on a translation's
			// page
			entry.put("inLanguage", question.lang());
			entry.put("url", base + question.url());
			entry.put("acceptedAnswer", answer(question, base));
			return entry;
		}).toList());
		return new PageMeta(category.title(), description, base + category.url(), "website", script(data));
	}

	PageMeta question(Catalog catalog, Category category, Question question) {
		String base = catalog.site().baseUrl();
		Map<String, Object> asked = thing("Question");
		asked.put("name", question.text());
		asked.put("inLanguage", question.lang());
		asked.put("text", question.text());
		asked.put("answerCount", 1);
		catalog.updated(question).ifPresent(updated -> asked.put("dateModified", updated.toString()));
		asked.put("acceptedAnswer", answer(question, base));
		Map<String, Object> data = page("QAPage");
		data.put("inLanguage", catalog.language());
		data.put("mainEntity", asked);
		return new PageMeta(question.text(), PageMeta.summary(question.answerText()), base + question.url(), "article",
				script(data));
	}

	private static Map<String, Object> answer(Question question, String base) {
		Map<String, Object> answer = thing("Answer");
		// Plain text: schema.org allows some HTML here, but readers of this data (search
		// engines) do not need it.
		answer.put("text", PageMeta.shorten(question.answerText(), ANSWER_TEXT));
		answer.put("url", base + question.url());
		return answer;
	}

	/**
	 * A schema.org item of {@code type}; the page's own item also names the vocabulary.
	 */
	private static Map<String, Object> thing(String type) {
		Map<String, Object> thing = new LinkedHashMap<>();
		thing.put("@type", type);
		return thing;
	}

	private static Map<String, Object> page(String type) {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("@context", SCHEMA);
		page.putAll(thing(type));
		return page;
	}

	/**
	 * JSON that cannot end its {@code <script>} element early: {@code <}, {@code >} and
	 * {@code &} as escapes.
	 */
	private String script(Map<String, Object> data) {
		return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
