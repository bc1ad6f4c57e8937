package dev.faqkb.integrations;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;

/**
 * An answer's Markdown source made fit for outside the site (a chat message, an AI
 * assistant, llms-full.txt): links made absolute, headings moved down, and a long answer
 * cut at a sentence. Works on the source text, so what the author wrote stays as written;
 * Flexmark only finds where the links, headings and code are.
 */
final class AnswerMarkdown {

	// Core CommonMark finds every link, heading and code span; the site's extensions
	// change none of their places.
	private static final Parser PARSER = Parser.builder().build();

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//).*");

	// The end of a sentence (with a closing bracket or quote), a blank line, or the start
	// of a list item.
	private static final Pattern BOUNDARY = Pattern
		.compile("[.!?][)\"'\u201d\u2019]*(?=\\s)|\\n\\s*\\n|\\n(?=\\s*([-*+]|\\d+[.)])\\s)");

	private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");

	private AnswerMarkdown() {
	}

	/**
	 * The answer of {@code question} with every link absolute under {@code base}, and its
	 * headings moved down {@code headingShift} levels (at most to level 6).
	 */
	static String of(Question question, Catalog catalog, String base, int headingShift) {
		String source = question.answerMarkdown();
		Node document = PARSER.parse(source);
		List<Edit> edits = new ArrayList<>();
		for (Node node : document.getDescendants()) {
			BasedSequence url = node instanceof Link link ? link.getUrl() : node instanceof Image image ? image.getUrl()
					: node instanceof Reference reference ? reference.getUrl() : null;
			if (url != null && !url.isEmpty()) {
				String absolute = absolute(url.toString(), question, catalog, base);
				if (!absolute.equals(url.toString())) {
					edits.add(new Edit(url.getStartOffset(), url.getEndOffset(), absolute));
				}
			}
			if (headingShift > 0 && node instanceof Heading heading && heading.isAtxHeading()) {
				BasedSequence marker = heading.getOpeningMarker();
				edits.add(new Edit(marker.getStartOffset(), marker.getEndOffset(),
						"#".repeat(Math.min(6, heading.getLevel() + headingShift))));
			}
		}
		StringBuilder text = new StringBuilder(source);
		edits.stream()
			.sorted(Comparator.comparingInt(Edit::start).reversed())
			.forEach(edit -> text.replace(edit.start(), edit.end(), edit.text()));
		return text.toString();
	}

	/**
	 * {@code markdown} as it is when it has at most {@code limit} characters; otherwise
	 * cut at the last sentence end, blank line or list item before {@code limit} (never
	 * inside a link or code), followed by a "Read more" link to {@code url}.
	 */
	static String cut(String markdown, int limit, String url) {
		if (markdown.length() <= limit) {
			return markdown;
		}
		List<int[]> unbreakable = new ArrayList<>();
		for (Node node : PARSER.parse(markdown).getDescendants()) {
			if (node instanceof Link || node instanceof Image || node instanceof Code || node instanceof AutoLink
					|| node instanceof MailLink || node instanceof HtmlInline || node instanceof HtmlBlock
					|| node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
				unbreakable.add(new int[] { node.getStartOffset(), node.getEndOffset() });
			}
		}
		// Best: the last sentence end in the second half; then a word break there; then
		// anything earlier.
		int late = -1;
		int early = -1;
		Matcher boundary = BOUNDARY.matcher(markdown);
		while (boundary.find() && boundary.end() <= limit) {
			int at = boundary.group().startsWith("\n") ? boundary.start() : boundary.end();
			if (at > 0 && breakable(at, unbreakable)) {
				if (at >= limit / 2) {
					late = at;
				}
				else {
					early = at;
				}
			}
		}
		int end = late;
		String ellipsis = "";
		if (end < 0) {
			int word = lastSpace(markdown, limit / 2, limit, unbreakable);
			int anySpace = lastSpace(markdown, 1, limit, unbreakable);
			end = word >= 0 ? word : early >= 0 ? early : anySpace >= 0 ? anySpace : limit;
			ellipsis = end == early ? "" : " \u2026";
		}
		return markdown.substring(0, end).strip() + ellipsis + "\n\n[Read more](" + url + ")";
	}

	/**
	 * {@code text} with the characters Markdown would read as markup escaped, to show it
	 * as typed.
	 */
	static String plain(String text) {
		return MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$1");
	}

	/**
	 * The last whitespace from {@code from} to {@code to} that is not inside a link or
	 * code, or -1.
	 */
	private static int lastSpace(String text, int from, int to, List<int[]> unbreakable) {
		for (int at = to; at >= from; at--) {
			if (Character.isWhitespace(text.charAt(at)) && breakable(at, unbreakable)) {
				return at;
			}
		}
		return -1;
	}

	private static boolean breakable(int at, List<int[]> unbreakable) {
		return unbreakable.stream().noneMatch(range -> at > range[0] && at < range[1]);
	}

	/**
	 * The absolute address of a link in {@code question}'s answer. Links between content
	 * files are resolved as the site does (a question's id goes to its own page, an old
	 * id to where it moved), an image or file of the content folder to the address it is
	 * served at; other relative links are resolved against the category page, which is
	 * where the site serves them.
	 */
	static String absolute(String url, Question question, Catalog catalog, String base) {
		if (SCHEME.matcher(url).matches()) {
			return url;
		}
		Optional<String> file = catalog.files().address(question.source(), url);
		if (file.isPresent()) {
			return base + file.get();
		}
		if (url.startsWith("/")) {
			return base + url;
		}
		int hash = url.indexOf('#');
		String path = hash >= 0 ? url.substring(0, hash) : url;
		String fragment = hash >= 0 ? url.substring(hash + 1) : "";
		if (path.isEmpty() || path.endsWith(".md")) {
			String category = path.isEmpty() ? question.category()
					: path.replaceFirst("^\\./", "").replaceFirst("\\.md$", "");
			// in a translation's catalog, its pages (/fr/faq/...)
			if (fragment.isEmpty()) {
				return base + catalog.base() + "/faq/" + category;
			}
			return base + catalog.questionOrMoved(category, fragment)
				.map(Question::url)
				.orElse(catalog.base() + "/faq/" + category + "#" + fragment);
		}
		try {
			return URI.create(base + catalog.base() + "/faq/" + question.category()).resolve(url).toString();
		}
		catch (IllegalArgumentException notAnAddress) {
			return url;
		}
	}

	private record Edit(int start, int end, String text) {
	}

}
