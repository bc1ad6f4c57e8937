package dev.faqkb.web;

import java.util.List;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;

import dev.faqkb.content.Catalog;
import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.NotFoundException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How search engines and browsers find the site: {@code /sitemap.xml} (every category and
 * question; for a catalog over one sitemap file's limits, the index of
 * {@code /sitemap-1.xml} ..., see {@link SitemapFiles}), {@code /robots.txt} (pointing to
 * it) and {@code /opensearch.xml} (the site's search, for the browser's address bar).
 * Addresses are absolute, from {@code site.yml}'s {@code baseUrl}; without it, from the
 * request. Each is made once per snapshot and address and kept
 * ({@link PageCache#hosted}), then served by {@link CachedPagesFilter} without reaching
 * this controller.
 */
@Controller
class DiscoveryController {

	static final String SITEMAP = "/sitemap.xml";

	static final String ROBOTS = "/robots.txt";

	static final String OPEN_SEARCH = "/opensearch.xml";

	/**
	 * The pages that name the address they were asked at, but for the sitemap's parts
	 * ({@link #hosted}).
	 */
	static final Set<String> PATHS = Set.of(SITEMAP, ROBOTS, OPEN_SEARCH);

	private static final String OPEN_SEARCH_TYPE = "application/opensearchdescription+xml";

	private static final String TEXT = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

	/** OpenSearch allows at most 16 characters in {@code ShortName}. */
	private static final int SHORT_NAME = 16;

	private final PageCache pages;

	private final SitemapFiles sitemaps;

	DiscoveryController(PageCache pages, SitemapFiles sitemaps) {
		this.pages = pages;
		this.sitemaps = sitemaps;
	}

	/**
	 * Whether the page at {@code path} names the address it was asked at, so is kept per
	 * address.
	 */
	static boolean hosted(String path) {
		return PATHS.contains(path) || SitemapFiles.partNumber(path) > 0;
	}

	@GetMapping(SITEMAP)
	View sitemap(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request) {
		Catalog catalog = snapshot.catalog();
		String base = PublicLinks.base(catalog.site(), request);
		return pages.hosted(snapshot, base, SITEMAP, () -> sitemaps.sitemap(catalogs(snapshot), base));
	}

	/**
	 * The catalog of each language, the default language's first: the sitemap lists every
	 * language's pages.
	 */
	private static List<Catalog> catalogs(Snapshot snapshot) {
		return snapshot.editions().stream().map(Snapshot.Edition::catalog).toList();
	}

	/**
	 * A part of a sitemap over one file's limits. Only the parts the index lists are
	 * kept, under the address it gives them, so an address keeps at most as many as its
	 * sitemap has; any other number is a 404.
	 */
	@GetMapping("/sitemap-{number}.xml")
	View sitemapPart(@PathVariable String number, @ModelAttribute("snapshot") Snapshot snapshot,
			HttpServletRequest request) {
		// Only a number as the index writes it names a part ("01" does not): one address,
		// one kept page, per part.
		int part = SitemapFiles.partNumber("/sitemap-" + number + ".xml");
		Catalog catalog = snapshot.catalog();
		String base = PublicLinks.base(catalog.site(), request);
		CachedPage page = part == 0 ? null : pages.hosted(snapshot, base, SitemapFiles.partPath(part),
				() -> sitemaps.part(catalogs(snapshot), base, part));
		if (page == null) {
			throw new NotFoundException(
					"There is no such part of the sitemap. " + SITEMAP + " lists the parts there are, if any.");
		}
		return page;
	}

	@GetMapping(ROBOTS)
	View robots(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request) {
		String base = PublicLinks.base(snapshot.catalog().site(), request);
		// Search result pages only repeat the answers, which have their own pages; the
		// API and admin are not pages.
		// A translation's search too (/fr/search).
		String translations = snapshot.translations()
			.values()
			.stream()
			.map(edition -> "Disallow: " + edition.base() + "/search\n")
			.collect(java.util.stream.Collectors.joining());
		Supplier<CachedPage> robots = () -> page("""
				User-agent: *
				Disallow: /search
				%sDisallow: /api/
				Disallow: /admin/

				Sitemap: %s/sitemap.xml
				""".formatted(translations, base), TEXT);
		return pages.hosted(snapshot, base, ROBOTS, robots);
	}

	@GetMapping(OPEN_SEARCH)
	View openSearch(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request) {
		Catalog catalog = snapshot.catalog();
		String base = PublicLinks.base(catalog.site(), request);
		String title = catalog.site().title();
		return pages.hosted(snapshot, base, OPEN_SEARCH, () -> XmlPage.of(OPEN_SEARCH_TYPE + ";charset=UTF-8", xml -> {
			xml.writeStartElement("OpenSearchDescription");
			xml.writeDefaultNamespace("http://a9.com/-/spec/opensearch/1.1/");
			XmlPage.element(xml, "ShortName", shortName(title));
			XmlPage.element(xml, "Description", "Search " + title);
			XmlPage.element(xml, "InputEncoding", "UTF-8");
			xml.writeStartElement("Image");
			xml.writeAttribute("type", "image/svg+xml");
			xml.writeCharacters(base + "/favicon.svg");
			xml.writeEndElement();
			xml.writeEmptyElement("Url");
			xml.writeAttribute("type", "text/html");
			xml.writeAttribute("method", "get");
			xml.writeAttribute("template", base + "/search?q={searchTerms}");
			xml.writeEmptyElement("Url");
			xml.writeAttribute("type", OPEN_SEARCH_TYPE);
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("template", base + OPEN_SEARCH);
			xml.writeEndElement();
		}));
	}

	/** {@code title} cut to OpenSearch's 16 characters, at a word when there is one. */
	static String shortName(String title) {
		if (title.length() <= SHORT_NAME) {
			return title;
		}
		int space = title.lastIndexOf(' ', SHORT_NAME);
		return title.substring(0, space > 0 ? space : SHORT_NAME).strip();
	}

	private static CachedPage page(String text, String type) {
		return CachedPage.of(text.getBytes(StandardCharsets.UTF_8), type, CachedPage.REVALIDATE);
	}

}
