package dev.faqkb.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.content.Slugs;

/**
 * One reStructuredText (Sphinx) FAQ page: first its outline (the section titles and what
 * each becomes, labels, hyperlink targets and substitutions), read on its own so that
 * {@code :ref:} between imported pages can be resolved; then {@link #convert} turns it
 * into an {@link ImportedCategory}.
 * <p>
 * Section titles become the category's title, sections and questions by the page's
 * heading levels: the single title at the top is the category's title, the level below it
 * holds the questions, unless the page has a third level and fewer than half of the
 * second level's titles end with {@code ?} (then the second level are sections and the
 * third the questions). Deeper titles are headings inside the answer.
 */
final class RstPage {

	enum Kind {

		TITLE, SECTION, QUESTION, SUBHEADING

	}

	/**
	 * A section title and the lines under it up to the next title.
	 *
	 * @param depth 0 for the page's title, 1 for the level below it, and so on
	 * @param id for a question, its id (label or slug)
	 * @param owner the index of the part a link to this part's labels lands on: the
	 * question a subheading is in
	 */
	record Part(String title, String plain, int line, int depth, Kind kind, List<String> labels, List<RstLine> body,
			String id, int owner) {
	}

	/**
	 * A {@code .. |name| directive::} definition: {@code replace} text, or an
	 * {@code image} address and alt text.
	 */
	record Substitution(String directive, String text, String alt, int line) {
	}

	// Characters that can make up a section title's underline or overline.
	private static final String ADORNMENT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	private static final Pattern LABEL = Pattern.compile("^\\s*\\.\\. _(`[^`]+`|[^:`][^:]*):\\s*$");

	private static final Pattern NAMED_TARGET = Pattern.compile("^\\s*\\.\\. _(`[^`]+`|[^:`][^:]*):\\s+(\\S.*)$");

	private static final Pattern ANONYMOUS_TARGET = Pattern.compile("^\\s*(?:\\.\\. __:|__)\\s+(\\S.*)$");

	private static final Pattern SUBSTITUTION = Pattern.compile("^(\\s*)\\.\\. \\|([^|]+)\\|\\s+([\\w:-]+)::\\s*(.*)$");

	private static final Pattern OPTION = Pattern.compile("^\\s*:([\\w-]+):\\s*(.*)$");

	final String source;

	private final String stem;

	final String categoryId;

	final String title;

	final List<RstLine> preamble;

	final List<Part> parts;

	final int questionDepth;

	private final Map<String, String> namedTargets = new HashMap<>();

	private final List<String> anonymousTargets = new ArrayList<>();

	private final Map<String, Substitution> substitutions = new HashMap<>();

	// Label (normalised) to the index of the part it lands on, -1 for the page itself.
	private final Map<String, Integer> labels = new LinkedHashMap<>();

	// Section title (normalised plain text) to its part: reStructuredText's implicit
	// targets.
	private final Map<String, Integer> implicitTargets = new HashMap<>();

	/**
	 * @param stem the source's file name without its extension, which gives the category
	 * id
	 * @param questionLevel the level of the questions' titles (the page's title is level
	 * 1), or {@code null} to decide by the page's levels
	 */
	RstPage(String source, String stem, String text, Integer questionLevel, List<Problem> problems) {
		this.source = source;
		this.stem = stem;
		String slug = Slugs.slug(stem.replace('.', '-').replace('_', '-'));
		this.categoryId = Slugs.isValidId(slug) ? slug : "faq";
		List<RstLine> lines = RstLine.split(text.startsWith("\uFEFF") ? text.substring(1) : text);
		List<RawPart> raw = new ArrayList<>();
		this.preamble = outline(lines, raw);
		boolean titled = !raw.isEmpty() && raw.get(0).level == 1
				&& raw.stream().filter(part -> part.level == 1).count() == 1;
		int offset = titled ? 1 : 0;
		List<String> plains = raw.stream().map(part -> RstInline.plain(part.title)).toList();
		if (questionLevel != null) {
			this.questionDepth = questionLevel - 1;
		}
		else {
			long second = raw.stream().filter(part -> part.level - offset == 1).count();
			long asked = 0;
			for (int i = 0; i < raw.size(); i++) {
				if (raw.get(i).level - offset == 1 && plains.get(i).strip().endsWith("?")) {
					asked++;
				}
			}
			boolean third = raw.stream().anyMatch(part -> part.level - offset == 2);
			this.questionDepth = third && asked * 2 < second ? 2 : 1;
		}
		this.title = titled ? Markdown.collapse(plains.get(0)) : humanize(stem);
		List<Part> parts = new ArrayList<>();
		int question = -1;
		for (int i = 0; i < raw.size(); i++) {
			RawPart part = raw.get(i);
			int depth = part.level - offset;
			Kind kind = depth == 0 ? Kind.TITLE
					: depth < questionDepth ? Kind.SECTION : depth == questionDepth ? Kind.QUESTION : Kind.SUBHEADING;
			if (kind != Kind.SUBHEADING) {
				question = kind == Kind.QUESTION ? i : -1;
			}
			String id = kind == Kind.QUESTION ? questionId(part, plains.get(i), problems) : null;
			int owner = kind == Kind.SUBHEADING ? question : i;
			parts.add(new Part(part.title, plains.get(i), part.line, depth, kind, part.labels, part.body, id, owner));
		}
		this.parts = List.copyOf(parts);
		collectTargets(lines);
		for (int i = 0; i < this.parts.size(); i++) {
			Part part = this.parts.get(i);
			implicitTargets.putIfAbsent(normalize(part.plain), part.owner);
			for (String label : part.labels) {
				labels.putIfAbsent(label, part.owner);
			}
			for (RstLine line : part.body) {
				Matcher label = LABEL.matcher(line.text());
				if (label.matches()) {
					labels.putIfAbsent(normalize(unquote(label.group(1))), part.owner);
				}
			}
		}
		for (RstLine line : preamble) {
			Matcher label = LABEL.matcher(line.text());
			if (label.matches()) {
				labels.putIfAbsent(normalize(unquote(label.group(1))), -1);
			}
		}
	}

	/** A section title before its levels are known. */
	private record RawPart(String title, int line, int level, List<String> labels, List<RstLine> body) {
	}

	/**
	 * Splits the lines at section titles into {@code parts}; returns the lines before the
	 * first title.
	 */
	private static List<RstLine> outline(List<RstLine> lines, List<RawPart> parts) {
		Map<String, Integer> styles = new HashMap<>();
		List<RstLine> preamble = new ArrayList<>();
		List<RstLine> current = preamble;
		int afterTitle = -1;
		int i = 0;
		while (i < lines.size()) {
			String text = lines.get(i).text();
			boolean startsBlock = i == 0 || lines.get(i - 1).blank() || i == afterTitle;
			String titleText = null;
			String style = null;
			int next = i;
			if (startsBlock && isAdornment(text) && i + 2 < lines.size() && !lines.get(i + 1).blank()
					&& !isAdornment(lines.get(i + 1).text().strip()) && lines.get(i + 2).text().length() >= 2
					&& lines.get(i + 2).text().equals(text.substring(0, 1).repeat(lines.get(i + 2).text().length()))) {
				titleText = lines.get(i + 1).text().strip();
				style = "over " + text.charAt(0);
				next = i + 3;
			}
			else if (startsBlock && !lines.get(i).blank() && lines.get(i).indent() == 0 && !isAdornment(text)
					&& i + 1 < lines.size() && isAdornment(lines.get(i + 1).text())
					&& lines.get(i + 1).text().length() >= Math.min(text.strip().length(), 4)
					&& !text.startsWith(".. ")) {
				titleText = text.strip();
				style = "under " + lines.get(i + 1).text().charAt(0);
				next = i + 2;
			}
			if (titleText == null) {
				current.add(lines.get(i));
				i++;
				continue;
			}
			int level = styles.computeIfAbsent(style, key -> styles.size() + 1);
			List<RstLine> body = new ArrayList<>();
			parts.add(new RawPart(titleText, lines.get(style.startsWith("over") ? i + 1 : i).number(), level,
					labelsBefore(current), body));
			current = body;
			afterTitle = next;
			i = next;
		}
		return preamble;
	}

	/**
	 * Removes the labels (and blank lines) at the end of {@code lines}, which belong to
	 * the title after them.
	 */
	private static List<String> labelsBefore(List<RstLine> lines) {
		List<String> found = new ArrayList<>();
		int end = lines.size();
		int keep = end;
		while (end > 0) {
			RstLine line = lines.get(end - 1);
			Matcher label = LABEL.matcher(line.text());
			if (label.matches() && line.indent() == 0) {
				found.add(0, normalize(unquote(label.group(1))));
				keep = end - 1;
			}
			else if (!line.blank()) {
				break;
			}
			end--;
		}
		if (!found.isEmpty()) {
			lines.subList(keep, lines.size()).clear();
		}
		return List.copyOf(found);
	}

	static boolean isAdornment(String line) {
		if (line.length() < 2 || line.equals("::") || ADORNMENT.indexOf(line.charAt(0)) < 0) {
			return false;
		}
		return line.chars().allMatch(c -> c == line.charAt(0));
	}

	private String questionId(RawPart part, String plain, List<Problem> problems) {
		if (part.labels.isEmpty()) {
			return null;
		}
		String label = part.labels.get(0);
		String id = label.replaceAll("[^\\p{L}\\p{M}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
		if (!Slugs.isValidId(id)) {
			problems.add(new Problem(source, part.line,
					"the label '" + label + "' cannot be an id: the question's id is the slug of its text, '"
							+ Slugs.slug(plain.strip()) + "'"));
			return null;
		}
		if (!id.equals(label)) {
			problems.add(new Problem(source, part.line, "the label '" + label
					+ "' is not a valid id (letters, digits, '-' and '_'): the question's id is '" + id + "'"));
		}
		return id;
	}

	/** Hyperlink targets and substitution definitions, wherever they are on the page. */
	private void collectTargets(List<RstLine> lines) {
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i).text();
			Matcher named = NAMED_TARGET.matcher(text);
			Matcher anonymous = ANONYMOUS_TARGET.matcher(text);
			Matcher substitution = SUBSTITUTION.matcher(text);
			if (named.matches()) {
				// A long address may go on over the following, more indented lines,
				// without spaces.
				namedTargets.putIfAbsent(normalize(unquote(named.group(1))),
						named.group(2) + continuation(lines, i, false));
			}
			else if (anonymous.matches()) {
				anonymousTargets.add(anonymous.group(1) + continuation(lines, i, false));
			}
			else if (substitution.matches()) {
				String directive = substitution.group(3).toLowerCase(Locale.ROOT);
				String alt = null;
				String value = substitution.group(4);
				int indent = substitution.group(1).length();
				for (int j = i + 1; j < lines.size() && !lines.get(j).blank() && lines.get(j).indent() > indent; j++) {
					Matcher option = OPTION.matcher(lines.get(j).text());
					if (option.matches()) {
						alt = option.group(1).equals("alt") ? option.group(2) : alt;
					}
					else {
						value += (directive.equals("replace") ? " " : "") + lines.get(j).text().strip();
					}
				}
				substitutions.putIfAbsent(normalize(substitution.group(2)),
						new Substitution(directive, value.strip(), alt, lines.get(i).number()));
			}
		}
	}

	private static String continuation(List<RstLine> lines, int i, boolean spaced) {
		StringBuilder more = new StringBuilder();
		int indent = lines.get(i).indent();
		for (int j = i + 1; j < lines.size() && !lines.get(j).blank() && lines.get(j).indent() > indent; j++) {
			more.append(spaced ? " " : "").append(lines.get(j).text().strip());
		}
		return more.toString();
	}

	/** reStructuredText's reference names: case and runs of whitespace do not matter. */
	static String normalize(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String unquote(String name) {
		return name.startsWith("`") && name.endsWith("`") && name.length() > 1 ? name.substring(1, name.length() - 1)
				: name;
	}

	private static String humanize(String stem) {
		String words = stem.replaceAll("[-_.]+", " ").strip();
		return words.isEmpty() ? "FAQ" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * The source's file name without its extension, by which {@code :doc:} names the
	 * page.
	 */
	String stem() {
		return stem;
	}

	/**
	 * The address of a named hyperlink target ({@code .. _name: address}), or
	 * {@code null}.
	 */
	String namedTarget(String name) {
		return namedTargets.get(normalize(name));
	}

	void addNamedTarget(String name, String address) {
		namedTargets.putIfAbsent(normalize(name), address);
	}

	/**
	 * The {@code index}-th anonymous target's address, or {@code null} when there are
	 * fewer.
	 */
	String anonymousTarget(int index) {
		return index < anonymousTargets.size() ? anonymousTargets.get(index) : null;
	}

	Substitution substitution(String name) {
		return substitutions.get(normalize(name));
	}

	/**
	 * Each label of the page and the index of the part it lands on (-1: the page itself).
	 */
	Map<String, Integer> labels() {
		return labels;
	}

	/**
	 * The part whose title is {@code title} (a reStructuredText implicit target), or -1.
	 */
	int implicitTarget(String title) {
		return implicitTargets.getOrDefault(normalize(title), -1);
	}

	/**
	 * The page as a category. Every construct it cannot convert is reported.
	 */
	ImportedCategory convert(RstLinks links, List<Problem> problems) {
		RstInline inline = new RstInline(this, links, problems);
		RstBlocks blocks = new RstBlocks(source, inline, links, problems);
		List<String> intro = new ArrayList<>();
		add(intro, blocks.convert(preamble, true));
		List<SectionBuilder> sections = new ArrayList<>(List.of(new SectionBuilder(null)));
		List<String> into = intro;
		for (Part part : parts) {
			SectionBuilder section = sections.get(sections.size() - 1);
			switch (part.kind) {
				case TITLE -> into = intro;
				case SECTION -> {
					SectionBuilder added = new SectionBuilder(inline.convert(part.title, part.line).markdown());
					sections.add(added);
					into = added.intro;
				}
				case QUESTION -> {
					QuestionBuilder question = new QuestionBuilder(part, inline.convert(part.title, part.line));
					section.questions.add(question);
					into = question.answer;
				}
				case SUBHEADING -> into.add("#".repeat(Math.min(6, 2 + part.depth - questionDepth)) + " "
						+ inline.convert(part.title, part.line).markdown());
			}
			add(into, blocks.convert(part.body, false));
		}
		List<ImportedCategory.Section> built = new ArrayList<>();
		for (SectionBuilder section : sections) {
			if (section.title == null && section.questions.isEmpty()) {
				continue;
			}
			built.add(new ImportedCategory.Section(section.title, String.join("\n\n", section.intro),
					section.questions.stream().map(QuestionBuilder::build).toList()));
		}
		return new ImportedCategory(categoryId, title, blocks.description(), String.join("\n\n", intro), built, source);
	}

	private static void add(List<String> into, String markdown) {
		if (!markdown.isBlank()) {
			into.add(markdown);
		}
	}

	private static final class SectionBuilder {

		final String title;

		final List<String> intro = new ArrayList<>();

		final List<QuestionBuilder> questions = new ArrayList<>();

		SectionBuilder(String title) {
			this.title = title;
		}

	}

	private static final class QuestionBuilder {

		final Part part;

		final RstInline.Text heading;

		final List<String> answer = new ArrayList<>();

		QuestionBuilder(Part part, RstInline.Text heading) {
			this.part = part;
			this.heading = heading;
		}

		ImportedCategory.Question build() {
			return new ImportedCategory.Question(heading.markdown(), heading.plain(), part.id,
					String.join("\n\n", answer), part.line);
		}

	}

}
