package dev.faqkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The links of Markdown files inside one repository, checked the way GitHub resolves
 * them: a relative link names a file or folder of the repository, and its {@code #anchor}
 * a heading of the target (by GitHub's slug: lowercase, punctuation dropped, spaces to
 * hyphens, {@code -1}, {@code -2} for repeated headings) or an explicit
 * {@code id}/{@code name} in its HTML. Links with a scheme are checked for form only and
 * never fetched. Flexmark parses the files, so links inside code are not links, as on
 * GitHub.
 */
final class MarkdownLinks {

	/** One broken link, as {@code file:line: message}. */
	record Problem(Path file, int line, String message) {

		@Override
		public String toString() {
			return file + ":" + line + ": " + message;
		}

	}

	/** One link of a file: where it is and what it points at, as written. */
	record Link(Path file, int line, String url) {
	}

	// GitHub's slugs: letters and digits kept (lowercase), spaces and hyphens to '-',
	// underscores kept, the rest
	// dropped; repeated dashes are not merged, and a repeated heading gets -1, -2.
	private static final DataHolder OPTIONS = new MutableDataSet()
		.set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
		.set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, " -")
		.set(HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS, "_")
		.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, false)
		.set(HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE, true)
		.set(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES, true)
		.toImmutable();

	private static final Parser PARSER = Parser.builder(OPTIONS).build();

	// Anchors written as HTML (<a id="x"></a>, <a name="x">): the only HTML these checks
	// read.
	private static final Pattern HTML_ANCHOR = Pattern.compile("\\s(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']");

	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

	private final Path root;

	private final Map<Path, Document> parsed = new HashMap<>();

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	/**
	 * @param root the repository's top folder; no link may leave it
	 */
	MarkdownLinks(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/** Every broken link of {@code files}, in file and line order. */
	List<Problem> check(List<Path> files) {
		List<Problem> problems = new ArrayList<>();
		for (Path file : files) {
			for (Link link : links(file)) {
				String message = problem(link);
				if (message != null) {
					problems.add(new Problem(root.relativize(link.file()), link.line(), message));
				}
			}
		}
		return problems;
	}

	/** The links, images and link reference definitions of a Markdown file. */
	List<Link> links(Path file) {
		Path absolute = absolute(file);
		List<Link> links = new ArrayList<>();
		for (Node node : document(absolute).getDescendants()) {
			if (node instanceof LinkNodeBase link) {
				links.add(new Link(absolute, node.getStartLineNumber() + 1, link.getUrl().toString()));
			}
		}
		return links;
	}

	/**
	 * The anchors a link may name in a Markdown file: its headings' slugs, then its HTML
	 * ids and names.
	 */
	Set<String> anchors(Path file) {
		return anchors.computeIfAbsent(absolute(file), path -> {
			Document document = document(path);
			new HeaderIdGenerator(OPTIONS).generateIds(document);
			Set<String> found = new LinkedHashSet<>();
			for (Node node : document.getDescendants()) {
				if (node instanceof Heading heading) {
					found.add(heading.getAnchorRefId());
				}
				else if (node instanceof HtmlInlineBase || node instanceof HtmlBlockBase) {
					Matcher ids = HTML_ANCHOR.matcher(node.getChars());
					while (ids.find()) {
						found.add(ids.group(1));
					}
				}
			}
			return found;
		});
	}

	/** Why the link is broken, or {@code null} when it resolves. */
	private String problem(Link link) {
		String url = link.url();
		if (url.isBlank()) {
			return "empty link";
		}
		Matcher scheme = SCHEME.matcher(url);
		if (scheme.find()) {
			return external(url, scheme.group(1).toLowerCase(Locale.ROOT));
		}
		int hash = url.indexOf('#');
		// %20 and the like decoded; '+' is a plus in a path, not a space as in a form.
		String path = URLDecoder.decode((hash >= 0 ? url.substring(0, hash) : url).replace("+", "%2B"),
				StandardCharsets.UTF_8);
		String anchor = hash >= 0 ? url.substring(hash + 1) : null;
		// As on GitHub: from the file's folder, or from the repository's top with a
		// leading '/'.
		Path from = path.startsWith("/") ? root : link.file().getParent();
		Path target = path.isEmpty() ? link.file() : from.resolve(path.replaceFirst("^/+", "")).normalize();
		if (!target.startsWith(root)) {
			return "broken link '" + url + "': it leaves the repository";
		}
		if (!Files.exists(target)) {
			return "broken link '" + url + "': there is no " + root.relativize(target);
		}
		if (anchor == null) {
			return null;
		}
		if (!target.getFileName().toString().endsWith(".md")) {
			return "broken link '" + url + "': an anchor in " + root.relativize(target)
					+ ", which is not Markdown, cannot be checked";
		}
		Set<String> anchors = anchors(target);
		if (!anchors.contains(anchor)) {
			return "broken link '" + url + "': " + root.relativize(target) + " has no heading or anchor '" + anchor
					+ "' (it has " + String.join(", ", anchors) + ")";
		}
		return null;
	}

	/**
	 * Form only: these checks must pass without a network, and a site being down is no
	 * broken link.
	 */
	private static String external(String url, String scheme) {
		if (scheme.equals("mailto")) {
			return url.contains("@") ? null : "link '" + url + "' has no e-mail address";
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "link '" + url + "': only http, https and mailto links are expected, and relative links";
		}
		try {
			URI uri = new URI(url);
			return uri.getHost() == null ? "link '" + url + "' has no host" : null;
		}
		catch (URISyntaxException ex) {
			return "link '" + url + "' is not a valid address: " + ex.getMessage();
		}
	}

	private Document document(Path file) {
		return parsed.computeIfAbsent(file, path -> {
			try {
				return PARSER.parse(Files.readString(path));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private Path absolute(Path file) {
		return root.resolve(file).toAbsolutePath().normalize();
	}

}
