package dev.faqkb.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Reads a content folder into a {@link Catalog}, or fails with every {@link ContentError} found in one
 * pass. Stateless apart from the renderer, so one instance serves every reload.
 */
public final class ContentLoader {

	static final Set<String> CATEGORY_KEYS = new LinkedHashSet<>(
			List.of("title", "description", "order", "draft", "updated", "redirects"));

	static final Set<String> SITE_KEYS = new LinkedHashSet<>(
			List.of("title", "description", "baseUrl", "popularQuestions"));

	// A scheme (https:, mailto:) or a path from the site root: not a link between content files.
	private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|/).*");

	private final MarkdownRenderer markdown;

	private final boolean showDrafts;

	public ContentLoader(MarkdownRenderer markdown, boolean showDrafts) {
		this.markdown = markdown;
		this.showDrafts = showDrafts;
	}

	/**
	 * @throws ContentException listing every error found, when there is any
	 */
	public Catalog load(Path dir) {
		Reading reading = read(dir, true);
		if (!reading.check().errors().isEmpty()) {
			throw new ContentException(reading.check().errors());
		}
		return reading.catalog();
	}

	/**
	 * Finds every error {@link #load} would, and the addresses the content defines (known even when there are
	 * errors), without rendering any HTML: what the validator needs.
	 */
	public ContentCheck check(Path dir) {
		return read(dir, false).check();
	}

	/** @param render whether to render the answers; without it there is no catalog, only the check */
	private Reading read(Path dir, boolean render) {
		if (!Files.isDirectory(dir)) {
			return new Reading(null, ContentCheck.failed(new ContentError(dir, 0, "content folder not found")));
		}
		List<ContentError> errors = new ArrayList<>();
		SiteInfo site = loadSite(dir.resolve("site.yml"), errors);
		List<Path> files;
		try (Stream<Path> listing = Files.list(dir)) {
			files = listing.filter(file -> file.getFileName().toString().endsWith(".md"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			return new Reading(null,
					ContentCheck.failed(new ContentError(dir, 0, "cannot list the folder: " + ex.getMessage())));
		}
		if (files.isEmpty()) {
			errors.add(new ContentError(dir, 0, "no category files (*.md) in the content folder"));
		}
		Map<String, ParsedCategory> parsed = new LinkedHashMap<>();
		Set<String> unreadable = new LinkedHashSet<>();
		boolean draftsLeftOut = false;
		for (Path file : files) {
			ParsedCategory category = parseCategory(file, errors);
			if (category == null) {
				unreadable.add(file.getFileName().toString().replaceFirst("\\.md$", ""));
			}
			else if (showDrafts || !category.draft) {
				parsed.put(category.id, category);
				draftsLeftOut |= category.draftQuestionsLeftOut;
			}
			else {
				draftsLeftOut = true;
			}
		}
		// Redirects first, so that a link to an old id anywhere can follow them.
		parsed.values().forEach(category -> resolveRedirects(category, parsed, errors));
		List<Category> categories = new ArrayList<>();
		for (ParsedCategory category : parsed.values()) {
			categories.add(build(category, parsed, errors, render));
		}
		List<ContentCheck.Address> addresses = new ArrayList<>();
		for (ParsedCategory category : parsed.values()) {
			category.sections.forEach(section -> section.questions.forEach(question -> addresses
				.add(new ContentCheck.Address(category.id, question.id, category.file, question.line, false))));
			category.redirectEntries.forEach((oldId, entry) -> addresses
				.add(new ContentCheck.Address(category.id, oldId, category.file, entry.line(), true)));
		}
		Catalog catalog = errors.isEmpty() && render ? new Catalog(site, categories) : null;
		return new Reading(catalog, new ContentCheck(errors, addresses, unreadable, draftsLeftOut));
	}

	private SiteInfo loadSite(Path file, List<ContentError> errors) {
		if (!Files.isRegularFile(file)) {
			return SiteInfo.DEFAULTS;
		}
		String text = read(file, errors);
		if (text == null) {
			return SiteInfo.DEFAULTS;
		}
		YamlMapping yaml = YamlMapping.parse(text, file, 0, SITE_KEYS, errors);
		String baseUrl = yaml.string("baseUrl", SiteInfo.DEFAULTS.baseUrl());
		if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^\\s]+")) {
			errors.add(new ContentError(file, yaml.line("baseUrl"), "'baseUrl' must start with http:// or https://"));
		}
		return new SiteInfo(yaml.string("title", SiteInfo.DEFAULTS.title()),
				yaml.string("description", SiteInfo.DEFAULTS.description()), baseUrl.replaceAll("/+$", ""),
				yaml.bool("popularQuestions", SiteInfo.DEFAULTS.popularQuestions()));
	}

	private String read(Path file, List<ContentError> errors) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			errors.add(new ContentError(file, 0, "cannot read: " + ex.getMessage()));
			return null;
		}
	}

	private ParsedCategory parseCategory(Path file, List<ContentError> errors) {
		String id = file.getFileName().toString().replaceFirst("\\.md$", "");
		if (!Slugs.isValidId(id)) {
			errors.add(new ContentError(file, 0,
					"the file name must be a valid id (letters, digits, '-' and '_'), as it becomes the category's address"));
			return null;
		}
		String text = read(file, errors);
		if (text == null) {
			return null;
		}
		if (!StandardCharsets.UTF_8.newEncoder().canEncode(text) || text.indexOf('\uFFFD') >= 0) {
			errors.add(new ContentError(file, 0, "not valid UTF-8 text"));
			return null;
		}
		String[] lines = text.split("\n", -1);
		if (!lines[0].strip().equals("---")) {
			errors.add(new ContentError(file, 1,
					"missing front matter: start the file with a '---' line, 'title: ...', and another '---' line"));
			return null;
		}
		int close = 1;
		while (close < lines.length && !lines[close].strip().equals("---")) {
			close++;
		}
		if (close == lines.length) {
			errors.add(new ContentError(file, 1, "front matter is not closed by a '---' line"));
			return null;
		}
		String yamlText = String.join("\n", Arrays.copyOfRange(lines, 1, close));
		YamlMapping yaml = YamlMapping.parse(yamlText, file, 1, CATEGORY_KEYS, errors);
		ParsedCategory category = new ParsedCategory(file, id, close + 1);
		category.title = yaml.string("title", "");
		if (category.title.isEmpty() && yaml.has("title")) {
			errors.add(new ContentError(file, yaml.line("title"), "'title' must not be empty"));
		}
		else if (!yaml.has("title") && yaml.valid()) {
			errors.add(new ContentError(file, 1, "missing 'title' in front matter"));
		}
		category.description = yaml.string("description", "");
		category.order = yaml.integer("order", Integer.MAX_VALUE);
		category.draft = yaml.bool("draft", false);
		String updated = yaml.string("updated", null);
		if (updated != null) {
			try {
				category.updated = LocalDate.parse(updated);
			}
			catch (DateTimeParseException ex) {
				errors.add(new ContentError(file, yaml.line("updated"), "'updated' must be a date like 2024-05-31"));
			}
		}
		category.redirectEntries = yaml.stringMap("redirects");
		String body = String.join("\n", Arrays.copyOfRange(lines, close + 1, lines.length));
		category.newlines = IntStream.range(0, body.length()).filter(i -> body.charAt(i) == '\n').toArray();
		parseBody(category, markdown.parse(body), errors);
		category.indexIds();
		return category;
	}

	private void parseBody(ParsedCategory category, Document document, List<ContentError> errors) {
		ParsedSection section = new ParsedSection(null, null);
		category.sections.add(section);
		ParsedQuestion question = null;
		Map<String, Integer> idLines = new HashMap<>();
		for (Node node : document.getChildren()) {
			if (node instanceof Heading heading && heading.getLevel() <= 2) {
				finish(category, question, document, heading.getStartOffset(), errors);
				question = null;
				int line = category.line(heading);
				String text = markdown.headingText(heading);
				HeadingAttributes attributes = HeadingAttributes.of(heading);
				if (heading.getLevel() == 1) {
					if (text.isEmpty()) {
						errors.add(new ContentError(category.file, line, "section heading has no text"));
					}
					String id = attributes.id != null ? attributes.id : "section-" + Slugs.slug(text);
					section = new ParsedSection(id, text);
					category.sections.add(section);
					continue;
				}
				if (text.isEmpty()) {
					errors.add(new ContentError(category.file, line, "heading has no question text"));
					continue;
				}
				String id = attributes.id != null ? attributes.id : Slugs.slug(text);
				if (!Slugs.isValidId(id)) {
					errors.add(new ContentError(category.file, line, attributes.id != null
							? "'" + id + "' is not a valid id (use letters, digits, '-' and '_')"
							: "the question gives no usable id: add one at the end of the heading, like {#my-question}"));
					continue;
				}
				Integer previous = idLines.putIfAbsent(id, line);
				if (previous != null) {
					errors.add(new ContentError(category.file, line, "duplicate id '" + id
							+ "': the question on line " + previous + " has it too; give one of them an explicit {#id}"));
					continue;
				}
				question = new ParsedQuestion(id, text, line, attributes.classes.contains("draft"), heading.getEndOffset());
				if (showDrafts || !question.draft) {
					section.questions.add(question);
				}
				else {
					category.draftQuestionsLeftOut = true;
				}
			}
			else if (question != null) {
				question.answer.add(node);
			}
			else if (section.title != null) {
				section.intro.add(node);
			}
			else {
				category.intro.add(node);
			}
		}
		finish(category, question, document, document.getTextLength(), errors);
	}

	/** @param end where the answer's Markdown ends: the next heading, or the end of the body */
	private void finish(ParsedCategory category, ParsedQuestion question, Document document, int end,
			List<ContentError> errors) {
		if (question != null) {
			question.markdown = document.getChars().subSequence(question.start, end).toString().strip();
		}
		if (question != null && question.answer.isEmpty()) {
			errors.add(new ContentError(category.file, question.line, "question '" + question.text + "' has no answer"));
		}
	}

	private void resolveRedirects(ParsedCategory category, Map<String, ParsedCategory> all,
			List<ContentError> errors) {
		Map<String, Redirect> redirects = new LinkedHashMap<>();
		category.redirectEntries.forEach((oldId, entry) -> {
			String target = entry.value();
			int hash = target.indexOf('#');
			String targetCategory = hash >= 0 ? target.substring(0, hash).replaceFirst("\\.md$", "") : category.id;
			String targetId = hash >= 0 ? target.substring(hash + 1) : target;
			if (!Slugs.isValidId(oldId)) {
				// Old ids were question ids, and only valid ids reach the category page's redirect map.
				errors.add(new ContentError(category.file, entry.line(),
						"redirect from '" + oldId + "': not a valid id (use letters, digits, '-' and '_')"));
			}
			else if (category.ids().contains(oldId)) {
				errors.add(new ContentError(category.file, entry.line(),
						"redirect from '" + oldId + "', but a question in this file still has that id"));
			}
			else if (!all.containsKey(targetCategory) || !all.get(targetCategory).ids().contains(targetId)) {
				errors.add(new ContentError(category.file, entry.line(),
						"redirect '" + oldId + "' points to '" + target + "', which does not exist"));
			}
			else {
				redirects.put(oldId, new Redirect(targetCategory, targetId));
			}
		});
		category.redirects = redirects;
	}

	/** @param render whether to render HTML and text; without it only the links are checked */
	private Category build(ParsedCategory category, Map<String, ParsedCategory> all, List<ContentError> errors,
			boolean render) {
		List<Section> sections = new ArrayList<>();
		for (ParsedSection section : category.sections) {
			if (section.title == null && section.questions.isEmpty()) {
				continue;
			}
			rewriteLinks(category, section.intro, all, errors);
			List<Question> questions = new ArrayList<>();
			for (ParsedQuestion question : section.questions) {
				rewriteLinks(category, question.answer, all, errors);
				questions.add(new Question(category.id, question.id, question.text, section.title,
						render ? markdown.render(question.answer) : "", render ? markdown.text(question.answer) : "",
						category.file, question.line, question.draft, question.markdown));
			}
			sections.add(new Section(section.id, section.title, render ? markdown.render(section.intro) : "", questions));
		}
		rewriteLinks(category, category.intro, all, errors);
		return new Category(category.id, category.title, category.description, category.order,
				render ? markdown.render(category.intro) : "", sections, category.file, category.updated,
				category.redirects, category.draft);
	}

	/**
	 * Checks each link to another content file or question and rewrites it to the page's address:
	 * {@code other.md#id} and {@code #id} to {@code /faq/other#id}, {@code other.md} to {@code /faq/other}.
	 */
	private void rewriteLinks(ParsedCategory category, List<Node> nodes, Map<String, ParsedCategory> all,
			List<ContentError> errors) {
		for (Node top : nodes) {
			List<Node> candidates = new ArrayList<>();
			candidates.add(top);
			top.getDescendants().forEach(candidates::add);
			for (Node node : candidates) {
				if (!(node instanceof Link link)) {
					continue;
				}
				String url = link.getUrl().toString();
				if (url.isEmpty() || EXTERNAL.matcher(url).matches()) {
					continue;
				}
				int hash = url.indexOf('#');
				String path = hash >= 0 ? url.substring(0, hash) : url;
				String fragment = hash >= 0 ? url.substring(hash + 1) : "";
				if (!path.isEmpty() && !path.endsWith(".md")) {
					continue; // links to other files are left as written
				}
				String targetId = path.isEmpty() ? category.id : path.replaceFirst("^\\./", "").replaceFirst("\\.md$", "");
				int line = category.line(link);
				ParsedCategory target = all.get(targetId);
				if (target == null) {
					errors.add(new ContentError(category.file, line, "broken link to '" + url + "': there is no "
							+ path + (showDrafts ? "" : " (or it is a draft)") + " in the content folder"));
					continue;
				}
				String rewritten;
				if (fragment.isEmpty()) {
					rewritten = "/faq/" + target.id;
				}
				else if (target.ids().contains(fragment) || target.sectionIds().contains(fragment)) {
					rewritten = "/faq/" + target.id + "#" + fragment;
				}
				else if (target.redirects.containsKey(fragment)) {
					rewritten = target.redirects.get(fragment).anchorUrl();
				}
				else {
					errors.add(new ContentError(category.file, line,
							"broken link to '" + url + "': " + target.file.getFileName() + " has no question with id '"
									+ fragment + "'"));
					continue;
				}
				link.setUrl(BasedSequence.of(rewritten));
			}
		}
	}

	/** @param catalog {@code null} when there are errors or nothing was rendered */
	private record Reading(Catalog catalog, ContentCheck check) {
	}

	/** The {@code {#id .class}} block at the end of a heading. */
	private record HeadingAttributes(String id, Set<String> classes) {

		static HeadingAttributes of(Heading heading) {
			String id = null;
			Set<String> classes = new LinkedHashSet<>();
			for (Node child : heading.getChildren()) {
				if (child instanceof AttributesNode attributes) {
					for (Node item : attributes.getChildren()) {
						if (item instanceof AttributeNode attribute) {
							if (attribute.isId()) {
								id = attribute.getValue().toString();
							}
							else if (attribute.isClass()) {
								classes.add(attribute.getValue().toString());
							}
						}
					}
				}
			}
			return new HeadingAttributes(id, classes);
		}

	}

	private static final class ParsedCategory {

		final Path file;

		final String id;

		final int bodyOffset;

		String title;

		String description;

		int order;

		boolean draft;

		boolean draftQuestionsLeftOut;

		LocalDate updated;

		Map<String, YamlMapping.Entry> redirectEntries = Map.of();

		Map<String, Redirect> redirects = Map.of();

		final List<Node> intro = new ArrayList<>();

		final List<ParsedSection> sections = new ArrayList<>();

		ParsedCategory(Path file, String id, int bodyOffset) {
			this.file = file;
			this.id = id;
			this.bodyOffset = bodyOffset;
		}

		// Offsets of the body's line breaks: Flexmark's getStartLineNumber() counts them from the start on each call.
		int[] newlines = new int[0];

		int line(Node node) {
			int search = Arrays.binarySearch(newlines, node.getStartOffset());
			int newlinesBefore = search >= 0 ? search : -search - 1;
			return newlinesBefore + 1 + bodyOffset;
		}

		// The ids of the questions and of the sections, once the body is parsed: looked up for every link and redirect.
		private Set<String> ids = Set.of();

		private Set<String> sectionIds = Set.of();

		/** Collects {@link #ids()} and {@link #sectionIds()}; called once, after the body is parsed. */
		void indexIds() {
			Set<String> questionIds = new LinkedHashSet<>();
			Set<String> sectionIds = new LinkedHashSet<>();
			for (ParsedSection section : sections) {
				section.questions.forEach(question -> questionIds.add(question.id));
				if (section.id != null) {
					sectionIds.add(section.id);
				}
			}
			this.ids = Set.copyOf(questionIds);
			this.sectionIds = Set.copyOf(sectionIds);
		}

		Set<String> ids() {
			return ids;
		}

		Set<String> sectionIds() {
			return sectionIds;
		}

	}

	private static final class ParsedSection {

		final String id;

		final String title;

		final List<Node> intro = new ArrayList<>();

		final List<ParsedQuestion> questions = new ArrayList<>();

		ParsedSection(String id, String title) {
			this.id = id;
			this.title = title;
		}

	}

	private static final class ParsedQuestion {

		final String id;

		final String text;

		final int line;

		final boolean draft;

		final List<Node> answer = new ArrayList<>();

		// Where the heading ends in the body: the answer's Markdown starts there.
		final int start;

		String markdown = "";

		ParsedQuestion(String id, String text, int line, boolean draft, int start) {
			this.id = id;
			this.text = text;
			this.line = line;
			this.draft = draft;
			this.start = start;
		}

	}

}
