package dev.faqkb.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.search.QueryBudget;
import dev.faqkb.search.SearchHit;
import dev.faqkb.search.SearchResults;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SearchPerformed;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

import org.springframework.web.util.HtmlUtils;

/**
 * The MCP tools: {@code search_faq}, {@code get_answer} and {@code list_categories}. Each
 * call reads the snapshot current when it starts. Results are structured content plus the
 * same JSON as text, as the MCP specification asks for older clients; a wrong argument is
 * a tool error ({@code isError}) that says what to send instead, so an assistant can
 * correct itself.
 */
final class FaqTools {

	/**
	 * The transport context key of the site's absolute address, for the URLs in results.
	 */
	static final String BASE = "faqkb.base";

	/**
	 * search_faq takes what the query budget analyses, as the search box does; longer is
	 * a tool error.
	 */
	static final int MAX_QUERY = QueryBudget.DEFAULT.maxChars();

	static final int MAX_LIMIT = 20;

	static final int DEFAULT_LIMIT = 5;

	private static final ToolAnnotations READ_ONLY = ToolAnnotations.builder()
		.readOnlyHint(true)
		.destructiveHint(false)
		.idempotentHint(true)
		.openWorldHint(false)
		.build();

	private final SnapshotStore store;

	private final McpJsonMapper json;

	private final SearchListener searches;

	/**
	 * @param searches told of every search_faq call, so that the owner sees what
	 * assistants ask as well
	 */
	FaqTools(SnapshotStore store, McpJsonMapper json, SearchListener searches) {
		this.store = store;
		this.json = json;
		this.searches = searches;
	}

	List<SyncToolSpecification> specifications() {
		return List.of(tool("search_faq", "Search the FAQ",
				"Search the FAQ for questions that answer what the user asks. Returns the best matching questions with "
						+ "their URLs and a short snippet of each answer; use get_answer for the whole answer.",
				"""
						{"type": "object", "properties": {
						  "query": {"type": "string", "minLength": 1, "maxLength": %d, "description": "Words or a question"},
						  "category": {"type": "string", "description": "Only this category (an id from list_categories)"},
						  "limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d, "description": "How many results"},
						  "lang": {"type": "string", "description": "The language to answer in, as a BCP 47 tag the FAQ has (list_categories lists them); the default language when not given"}
						}, "required": ["query"], "additionalProperties": false}"""
					.formatted(MAX_QUERY, MAX_LIMIT, DEFAULT_LIMIT),
				this::search),
				tool("get_answer", "Get an answer",
						"The whole answer to one question, as Markdown, with its URL and the date it was last updated.",
						"""
								{"type": "object", "properties": {
								  "category": {"type": "string", "description": "The category id, as in search_faq results"},
								  "id": {"type": "string", "description": "The question id, as in search_faq results"},
								  "lang": {"type": "string", "description": "The language to answer in, as a BCP 47 tag the FAQ has (list_categories lists them); the default language when not given"}
								}, "required": ["category", "id"], "additionalProperties": false}""",
						this::answer),
				tool("list_categories", "List categories",
						"Every category of the FAQ with its id, title, description, URL and number of questions.",
						"""
								{"type": "object", "properties": {
								  "lang": {"type": "string", "description": "The language to answer in, as a BCP 47 tag the FAQ has (list_categories lists them); the default language when not given"}
								}, "additionalProperties": false}""",
						this::categories));
	}

	private SyncToolSpecification tool(String name, String title, String description, String inputSchema,
			BiFunction<Call, Map<String, Object>, Object> handler) {
		Tool tool = Tool.builder()
			.name(name)
			.title(title)
			.description(description)
			.inputSchema(json, inputSchema)
			.annotations(READ_ONLY)
			.build();
		return SyncToolSpecification.builder()
			.tool(tool)
			.callHandler((context, request) -> call(context, request, handler))
			.build();
	}

	private CallToolResult call(McpTransportContext context, CallToolRequest request,
			BiFunction<Call, Map<String, Object>, Object> handler) {
		Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
		try {
			Object result = handler.apply(new Call(store.current(), (String) context.get(BASE)), arguments);
			return CallToolResult.builder()
				.structuredContent(result)
				.addTextContent(json.writeValueAsString(result))
				.build();
		}
		catch (BadArguments ex) {
			return CallToolResult.builder().isError(true).addTextContent(ex.getMessage()).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Object search(Call call, Map<String, Object> arguments) {
		String query = text(arguments, "query", true).strip();
		if (query.isEmpty() || query.length() > MAX_QUERY) {
			throw new BadArguments("'query' must have 1 to " + MAX_QUERY + " characters.");
		}
		Snapshot.Edition edition = edition(call, arguments);
		String category = text(arguments, "category", false);
		if (category != null) {
			category(edition.catalog(), category);
		}
		int limit = DEFAULT_LIMIT;
		if (arguments.get("limit") != null) {
			if (!(arguments.get("limit") instanceof Number number)
					|| number.doubleValue() != Math.rint(number.doubleValue()) || number.intValue() < 1
					|| number.intValue() > MAX_LIMIT) {
				throw new BadArguments("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
			}
			limit = number.intValue();
		}
		SearchResults results = edition.index().search(query, category, 0, limit);
		searches.searched(new SearchPerformed(query, category, results.total(), 1,
				edition.base().isEmpty() ? null : edition.language()));
		return new Search(results.query(), results.total(),
				results.hits().stream().map(hit -> hit(hit, call.base())).toList(), results.didYouMean());
	}

	private Object answer(Call call, Map<String, Object> arguments) {
		Catalog catalog = edition(call, arguments).catalog();
		Category category = category(catalog, text(arguments, "category", true));
		String id = text(arguments, "id", true);
		Question question = catalog.questionOrMoved(category.id(), id)
			.orElseThrow(() -> new BadArguments("There is no question '" + id + "' in category '" + category.id()
					+ "'. Use search_faq to find questions and their ids."));
		Category found = catalog.category(question.category()).orElse(category);
		return new Answer(found.id(), found.title(), question.id(), question.text(), call.base() + question.url(),
				catalog.updated(question).map(Object::toString).orElse(null),
				AnswerMarkdown.of(question, catalog, call.base(), 0));
	}

	private Object categories(Call call, Map<String, Object> arguments) {
		Catalog catalog = edition(call, arguments).catalog();
		List<String> languages = call.snapshot().translations().isEmpty() ? List.of()
				: call.snapshot().editions().stream().map(Snapshot.Edition::language).toList();
		return new Categories(languages,
				catalog.categories()
					.stream()
					.map(category -> new CategoryInfo(category.id(), category.title(), category.description(),
							call.base() + category.url(), category.questions().size()))
					.toList());
	}

	/** The language {@code lang} names, the default one when it is not given. */
	private static Snapshot.Edition edition(Call call, Map<String, Object> arguments) {
		String lang = text(arguments, "lang", false);
		if (lang == null) {
			return call.snapshot().original();
		}
		return call.snapshot()
			.edition(lang)
			.orElseThrow(() -> new BadArguments("There is no language '" + lang + "'. Languages: "
					+ String.join(", ", call.snapshot().editions().stream().map(Snapshot.Edition::language).toList())
					+ "."));
	}

	private static Category category(Catalog catalog, String id) {
		return catalog.category(id)
			.orElseThrow(() -> new BadArguments("There is no category '" + id + "'. Categories: "
					+ String.join(", ", catalog.categories().stream().map(Category::id).toList()) + "."));
	}

	private static String text(Map<String, Object> arguments, String name, boolean required) {
		Object value = arguments.get(name);
		if (value == null && !required) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new BadArguments("'" + name + "' must be a string" + (required ? " and is required." : "."));
		}
		return text;
	}

	private static Hit hit(SearchHit hit, String base) {
		Question question = hit.question();
		// The snippet is escaped HTML with <mark>; an assistant reads plain text better.
		String snippet = HtmlUtils.htmlUnescape(hit.snippetHtml().replace("<mark>", "").replace("</mark>", ""));
		return new Hit(question.category(), hit.categoryTitle(), question.id(), question.text(), base + question.url(),
				snippet);
	}

	private record Call(Snapshot snapshot, String base) {
	}

	record Search(String query, long total, List<Hit> results, String didYouMean) {
	}

	record Hit(String category, String categoryTitle, String id, String question, String url, String snippet) {
	}

	/**
	 * @param updated when the category's answers last changed ({@code 2024-05-31}), or
	 * {@code null} when its file does not say
	 */
	record Answer(String category, String categoryTitle, String id, String question, String url, String updated,
			String markdown) {
	}

	/**
	 * @param languages the FAQ's languages, the default one first; left out for a FAQ in
	 * one language
	 */
	record Categories(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> languages,
			List<CategoryInfo> categories) {
	}

	record CategoryInfo(String id, String title, String description, String url, int questions) {
	}

	private static final class BadArguments extends RuntimeException {

		BadArguments(String message) {
			super(message);
		}

	}

}
