package dev.faqkb.importer;

import java.net.URI;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.faqkb.content.Slugs;

/**
 * Where {@code :ref:} and {@code :doc:} point: to a question or category of the pages
 * imported together (a link between content files, which the loader checks), else to the
 * Sphinx site at {@code --base-url}, else nowhere.
 */
final class RstLinks {

	/**
	 * A place on an imported page.
	 *
	 * @param id the question's id, or {@code null} for the category itself
	 * @param title the title of what it points to, the link's text when the role gives
	 * none
	 */
	record Target(RstPage page, String id, String title) {
	}

	private final Map<String, Target> labels = new HashMap<>();

	private final Map<String, RstPage> pages = new HashMap<>();

	private final String baseUrl;

	/**
	 * @param baseUrl the address of the Sphinx site's root (where its document names
	 * start), or {@code null}
	 */
	RstLinks(List<RstPage> imported, String baseUrl) {
		this.baseUrl = baseUrl == null || baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
		for (RstPage page : imported) {
			pages.putIfAbsent(page.stem(), page);
			page.labels().forEach((label, part) -> labels.putIfAbsent(label, target(page, part)));
		}
	}

	String baseUrl() {
		return baseUrl;
	}

	/**
	 * The place a label (as {@link RstPage#normalize} gives it) marks on the imported
	 * pages.
	 */
	Optional<Target> label(String label) {
		return Optional.ofNullable(labels.get(label));
	}

	/**
	 * The imported page a Sphinx document name ({@code /faq/general}, {@code general})
	 * stands for.
	 */
	Optional<RstPage> page(String document) {
		String name = document.replaceAll("\\.rst$", "");
		return Optional.ofNullable(pages.get(name.substring(name.lastIndexOf('/') + 1)));
	}

	/**
	 * A section of an imported page by its title, as Sphinx's autosectionlabel names it
	 * ({@code doc:Title}).
	 */
	Optional<Target> section(String document, String title) {
		return page(document).flatMap(page -> {
			int part = page.implicitTarget(title);
			return part < 0 ? Optional.empty() : Optional.of(target(page, part));
		});
	}

	/**
	 * The place an implicit target (a section title) or a label of {@code page} marks.
	 */
	Optional<Target> onPage(RstPage page, String name) {
		Integer part = page.labels().get(RstPage.normalize(name));
		if (part == null) {
			int implicit = page.implicitTarget(name);
			part = implicit < 0 ? null : implicit;
		}
		return part == null ? Optional.empty() : Optional.of(target(page, part));
	}

	static Target target(RstPage page, int part) {
		if (part < 0) {
			return new Target(page, null, page.title);
		}
		RstPage.Part found = page.parts.get(part);
		if (found.kind() != RstPage.Kind.QUESTION) {
			return new Target(page, null,
					found.kind() == RstPage.Kind.TITLE ? page.title : Markdown.collapse(found.plain()));
		}
		String id = found.id() != null ? found.id() : Slugs.slug(Markdown.collapse(found.plain()));
		return new Target(page, id, Markdown.collapse(found.plain()));
	}

	/** A link from {@code from} to {@code target} in the content format. */
	static String href(Target target, RstPage from) {
		if (target.id() == null) {
			return target.page().categoryId + ".md";
		}
		return (target.page() == from ? "" : target.page().categoryId + ".md") + "#" + target.id();
	}

	/**
	 * The address of a Sphinx document on the site at the base address, or {@code null}
	 * without one.
	 */
	String documentUrl(String document, String section) {
		if (baseUrl == null) {
			return null;
		}
		String path = document.replaceAll("^/+", "").replaceAll("\\.rst$", "");
		return URI.create(baseUrl).resolve(Markdown.url(path) + ".html")
				+ (section == null ? "" : "#" + docutilsId(section));
	}

	/**
	 * An address as written, resolved against the base address when it is relative and
	 * there is one; a path from the root ({@code /img/a.png}) starts at the Sphinx site's
	 * root, as Sphinx reads it.
	 */
	String resolve(String address) {
		if (baseUrl == null || address.startsWith("#") || address.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
			return address;
		}
		try {
			return URI.create(baseUrl).resolve(Markdown.url(address.replaceAll("^/+", ""))).toString();
		}
		catch (IllegalArgumentException ex) {
			return address;
		}
	}

	/**
	 * The HTML id docutils gives a section title: ASCII letters and digits, other runs as
	 * one hyphen.
	 */
	static String docutilsId(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
		return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+|[^a-z0-9]+$", "");
	}

}
