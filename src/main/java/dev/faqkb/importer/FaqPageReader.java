package dev.faqkb.importer;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.faqkb.content.Slugs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A web page with schema.org {@code FAQPage} markup, as most FAQ pages carry for search
 * engines: its questions and accepted answers from JSON-LD
 * ({@code <script type="application/ld+json">}) or, where there is none, from microdata
 * ({@code itemscope itemtype="https://schema.org/FAQPage"}). One page gives one category;
 * answers are HTML, converted by {@link HtmlToMarkdown} with links and images made
 * absolute.
 */
final class FaqPageReader {

	private static final Pattern FAQ_PAGE_TYPE = Pattern.compile("(?i)^(https?://schema\\.org/)?FAQPage/?$");

	private static final Pattern QUESTION_TYPE = Pattern.compile("(?i)^(https?://schema\\.org/)?Question/?$");

	private final String source;

	private final String baseUrl;

	private final List<Problem> problems;

	/**
	 * @param baseUrl {@code --base-url}: what relative addresses of a page read from a
	 * file are resolved against
	 */
	FaqPageReader(String source, String baseUrl, List<Problem> problems) {
		this.source = source;
		this.baseUrl = baseUrl;
		this.problems = problems;
	}

	/**
	 * A question as the page gives it: plain text, the answer's HTML, and its anchor on
	 * the page (the fragment of its JSON-LD {@code @id} or {@code url}, its element's
	 * {@code id} or {@code itemid}), or {@code null}.
	 */
	private record Found(String question, String answerHtml, String anchor, int line) {
	}

	/**
	 * @param file the file the page was read from, or {@code null} when it was fetched
	 * @throws SourceException when the page has no {@code FAQPage} with questions
	 */
	ImportedCategory read(PageFetcher.Page page, Path file) {
		Document document = page.document();
		List<String> titles = new ArrayList<>();
		List<String> descriptions = new ArrayList<>();
		List<Found> found = jsonLd(document, titles, descriptions);
		if (found.isEmpty()) {
			found = microdata(document, titles);
		}
		if (found.isEmpty()) {
			throw new SourceException(0,
					"no schema.org FAQPage with questions (JSON-LD or microdata): nothing to import");
		}
		String base = base(document, page.address());
		List<ImportedCategory.Question> questions = new ArrayList<>();
		for (Found question : found) {
			String text = Markdown.collapse(Jsoup.parse(question.question()).text());
			String answer = answer(question, text, base);
			questions.add(new ImportedCategory.Question(Markdown.text(text), text, question.anchor(), answer,
					question.line()));
		}
		String id = id(page.address(), file);
		String title = titles.stream()
			.filter(candidate -> !candidate.isBlank())
			.findFirst()
			.orElseGet(() -> firstText(document, "h1", "title").orElse(id));
		String description = descriptions.stream()
			.filter(candidate -> !candidate.isBlank())
			.findFirst()
			.orElse(document.select("meta[name=description]").attr("content"));
		return new ImportedCategory(id, Markdown.collapse(Jsoup.parse(title).text()),
				Markdown.collapse(Jsoup.parse(description).text()), "",
				List.of(new ImportedCategory.Section(null, "", questions)), source);
	}

	private String answer(Found question, String text, String base) {
		String html = question.answerHtml();
		if (!html.contains("<")) {
			// Plain text (allowed by schema.org): its blank lines are its paragraphs.
			List<String> paragraphs = new ArrayList<>();
			for (String paragraph : html.strip().split("\\n\\s*\\n")) {
				paragraphs
					.add(Markdown.paragraphStart(Markdown.text(Markdown.collapse(Jsoup.parse(paragraph).text()))));
			}
			return String.join("\n\n", paragraphs);
		}
		return HtmlToMarkdown.convert(html, base, source, question.line(), "the answer to '" + text + "'", problems);
	}

	/** Questions of every JSON-LD FAQPage on the page, in order. */
	private List<Found> jsonLd(Document document, List<String> titles, List<String> descriptions) {
		List<Found> found = new ArrayList<>();
		for (Element script : document.select("script[type]")) {
			if (!script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
				continue;
			}
			int line = script.sourceRange().start().lineNumber();
			String json = script.data();
			JsonNode root;
			try {
				root = JsonMapper.shared().readTree(json);
			}
			catch (JacksonException ex) {
				problems.add(new Problem(source, line,
						"JSON-LD that is not valid JSON: left out (" + ex.getOriginalMessage() + ")"));
				continue;
			}
			List<JsonNode> pages = new ArrayList<>();
			faqPages(root, pages, 0);
			for (JsonNode page : pages) {
				titles.add(page.path("name").asString(page.path("headline").asString("")));
				descriptions.add(page.path("description").asString(""));
				JsonNode entities = page.path("mainEntity");
				for (JsonNode entity : entities.isArray() ? entities.values() : List.of(entities)) {
					question(entity, json, line, found);
				}
			}
		}
		return found;
	}

	/**
	 * The FAQPage objects in a JSON-LD tree: the root, an array, or {@code @graph} and
	 * nested values.
	 */
	private static void faqPages(JsonNode node, List<JsonNode> into, int depth) {
		if (depth > 20) {
			return;
		}
		if (node.isArray()) {
			node.values().forEach(value -> faqPages(value, into, depth + 1));
			return;
		}
		if (!node.isObject()) {
			return;
		}
		if (hasType(node, FAQ_PAGE_TYPE)) {
			into.add(node);
			return;
		}
		node.properties().forEach(property -> faqPages(property.getValue(), into, depth + 1));
	}

	private static boolean hasType(JsonNode node, Pattern type) {
		JsonNode types = node.path("@type");
		for (JsonNode value : types.isArray() ? types.values() : List.of(types)) {
			if (value.isString() && type.matcher(value.stringValue().strip()).matches()) {
				return true;
			}
		}
		return false;
	}

	private void question(JsonNode entity, String json, int scriptLine, List<Found> found) {
		if (!entity.isObject()) {
			return;
		}
		String name = entity.path("name").asString("").strip();
		// The question's own line: where its name is in the script, when it is written
		// there as it reads.
		int at = name.isEmpty() ? -1 : json.indexOf(name.substring(0, Math.min(name.length(), 40)));
		int line = scriptLine + (at < 0 ? 0 : (int) json.substring(0, at).chars().filter(c -> c == '\n').count());
		if (!hasType(entity, QUESTION_TYPE)) {
			problems.add(new Problem(source, line, "a mainEntity that is not a Question: left out"));
			return;
		}
		JsonNode answers = entity.path("acceptedAnswer");
		String kind = "accepted";
		if (answers.isMissingNode() || answers.isNull()) {
			answers = entity.path("suggestedAnswer");
			kind = "suggested";
		}
		List<JsonNode> list = new ArrayList<>(answers.isArray() ? answers.values() : List.of(answers));
		list.removeIf(answer -> answer.path("text").asString("").isBlank());
		if (name.isEmpty() || list.isEmpty()) {
			problems.add(new Problem(source, line, name.isEmpty() ? "a Question without a name: left out"
					: "the question '" + name + "' has no answer with text: left out"));
			return;
		}
		if (kind.equals("suggested") || list.size() > 1) {
			problems.add(new Problem(source, line, "the question '" + name + "' has " + list.size() + " " + kind
					+ " answer(s): only the first is imported"));
		}
		String anchor = fragment(entity.path("@id").asString(""))
			.orElse(fragment(entity.path("url").asString("")).orElse(null));
		found.add(new Found(name, list.get(0).path("text").asString(), anchor, line));
	}

	/** Questions of every microdata FAQPage on the page, in order. */
	private List<Found> microdata(Document document, List<String> titles) {
		List<Found> found = new ArrayList<>();
		for (Element page : document.select("[itemscope][itemtype]")) {
			if (!FAQ_PAGE_TYPE.matcher(page.attr("itemtype").strip()).matches()) {
				continue;
			}
			property(page, "name").ifPresent(name -> titles.add(value(name, false)));
			for (Element entity : page.select("[itemprop][itemscope]")) {
				if (!hasProperty(entity, "mainEntity") || scope(entity) != page) {
					continue;
				}
				int line = entity.sourceRange().start().lineNumber();
				String name = property(entity, "name").map(element -> value(element, false)).orElse("");
				String answer = property(entity, "acceptedAnswer").flatMap(accepted -> property(accepted, "text"))
					.map(text -> value(text, true))
					.orElse("");
				if (name.isBlank() || answer.isBlank()) {
					problems.add(new Problem(source, line,
							name.isBlank() ? "a Question without a name: left out" : "the question '"
									+ Markdown.collapse(name) + "' has no acceptedAnswer with text: left out"));
					continue;
				}
				String anchor = !entity.id().isBlank() ? entity.id().strip()
						: fragment(entity.attr("itemid")).orElse(null);
				found.add(new Found(name, answer, anchor, line));
			}
		}
		return found;
	}

	/**
	 * The fragment of an address ({@code https://example.com/faq#reset} → {@code reset}),
	 * if it has one.
	 */
	private static Optional<String> fragment(String address) {
		int hash = address.indexOf('#');
		return hash < 0 || hash == address.length() - 1 ? Optional.empty()
				: Optional.of(address.substring(hash + 1).strip());
	}

	/**
	 * The first element carrying {@code name} whose item is {@code item} (not one nested
	 * inside it).
	 */
	private static Optional<Element> property(Element item, String name) {
		for (Element element : item.select("[itemprop]")) {
			if (element != item && hasProperty(element, name) && scope(element) == item) {
				return Optional.of(element);
			}
		}
		return Optional.empty();
	}

	private static boolean hasProperty(Element element, String name) {
		for (String property : element.attr("itemprop").strip().split("\\s+")) {
			if (property.equals(name)) {
				return true;
			}
		}
		return false;
	}

	/** The item a property belongs to: the nearest ancestor with {@code itemscope}. */
	private static Element scope(Element element) {
		for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
			if (parent.hasAttr("itemscope")) {
				return parent;
			}
		}
		return null;
	}

	/**
	 * A microdata property's value: {@code content} for meta, else the element's HTML or
	 * text.
	 */
	private static String value(Element element, boolean html) {
		if (element.hasAttr("content")) {
			return element.attr("content");
		}
		return html ? element.html() : element.text();
	}

	/**
	 * What relative addresses are resolved against: the page's {@code <base href>}, its
	 * own address, the {@code --base-url}, or its canonical address; {@code null} when
	 * there is none of them.
	 */
	private String base(Document document, URI address) {
		String declared = document.select("base[href]").attr("href").strip();
		if (absolute(declared)) {
			return declared;
		}
		if (address != null) {
			return declared.isEmpty() ? address.toString() : address.resolve(declared.replace(" ", "%20")).toString();
		}
		if (baseUrl != null) {
			return baseUrl;
		}
		String canonical = document.select("link[rel=canonical][href]").attr("href").strip();
		return absolute(canonical) ? canonical : null;
	}

	private static boolean absolute(String address) {
		try {
			return !address.isEmpty() && URI.create(address.replace(" ", "%20")).isAbsolute();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The category id: the page's file name, or the last part of its address's path, or
	 * its host.
	 */
	private static String id(URI address, Path file) {
		String name = file != null ? file.getFileName().toString() : lastSegment(address);
		String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
		String id = Slugs.slug(stem.replace('.', '-').replace('_', '-'));
		if (Slugs.isValidId(id)) {
			return id;
		}
		String host = address != null && address.getHost() != null ? Slugs.slug(address.getHost().replace('.', '-'))
				: "";
		return Slugs.isValidId(host) ? host : "faq";
	}

	private static String lastSegment(URI address) {
		String path = address.getPath() == null ? "" : address.getPath().replaceAll("/+$", "");
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static Optional<String> firstText(Document document, String... selectors) {
		for (String selector : selectors) {
			String text = document.select(selector).text();
			if (!text.isBlank()) {
				return Optional.of(document.select(selector).first().text());
			}
		}
		return Optional.empty();
	}

}
