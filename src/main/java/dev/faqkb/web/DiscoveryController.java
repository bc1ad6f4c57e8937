package dev.faqkb.web;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.Snapshot;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How search engines and browsers find the site: {@code /sitemap.xml} (every category and question),
 * {@code /robots.txt} (pointing to it) and {@code /opensearch.xml} (the site's search, for the browser's address
 * bar). Addresses are absolute, from {@code site.yml}'s {@code baseUrl}; without it, from the request. Each is made
 * once per snapshot and address and kept ({@link PageCache#hosted}), then served by {@link CachedPagesFilter}
 * without reaching this controller.
 */
@Controller
class DiscoveryController {

	static final String SITEMAP = "/sitemap.xml";

	static final String ROBOTS = "/robots.txt";

	static final String OPEN_SEARCH = "/opensearch.xml";

	/** The pages that name the address they were asked at. */
	static final Set<String> PATHS = Set.of(SITEMAP, ROBOTS, OPEN_SEARCH);

	private static final String OPEN_SEARCH_TYPE = "application/opensearchdescription+xml";

	private static final String XML = MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8";

	private static final String TEXT = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

	/** OpenSearch allows at most 16 characters in {@code ShortName}. */
	private static final int SHORT_NAME = 16;

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	private final PageCache pages;

	DiscoveryController(PageCache pages) {
		this.pages = pages;
	}

	@GetMapping(SITEMAP)
	View sitemap(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request) {
		Catalog catalog = snapshot.catalog();
		String base = PublicLinks.base(catalog.site(), request);
		return pages.hosted(snapshot, base, SITEMAP, () -> xml(XML, xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
			url(xml, base + "/", null);
			for (Category category : catalog.categories()) {
				if (category.draft()) {
					continue; // only a preview server shows drafts; search engines should never see them
				}
				url(xml, base + category.url(), category.updated());
				for (Question question : category.questions()) {
					if (!question.draft()) {
						url(xml, base + question.url(), category.updated());
					}
				}
			}
			xml.writeEndElement();
		}));
	}

	@GetMapping(ROBOTS)
	View robots(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request) {
		String base = PublicLinks.base(snapshot.catalog().site(), request);
		// Search result pages only repeat the answers, which have their own pages; the API and admin are not pages.
		Supplier<CachedPage> robots = () -> page("""
				User-agent: *
				Disallow: /search
				Disallow: /api/
				Disallow: /admin/

				Sitemap: %s/sitemap.xml
				""".formatted(base), TEXT);
		return pages.hosted(snapshot, base, ROBOTS, robots);
	}

	@GetMapping(OPEN_SEARCH)
	View openSearch(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request) {
		Catalog catalog = snapshot.catalog();
		String base = PublicLinks.base(catalog.site(), request);
		String title = catalog.site().title();
		return pages.hosted(snapshot, base, OPEN_SEARCH, () -> xml(OPEN_SEARCH_TYPE + ";charset=UTF-8", xml -> {
			xml.writeStartElement("OpenSearchDescription");
			xml.writeDefaultNamespace("http://a9.com/-/spec/opensearch/1.1/");
			element(xml, "ShortName", shortName(title));
			element(xml, "Description", "Search " + title);
			element(xml, "InputEncoding", "UTF-8");
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

	private static void url(XMLStreamWriter xml, String location, LocalDate modified) throws XMLStreamException {
		xml.writeStartElement("url");
		element(xml, "loc", location);
		if (modified != null) {
			element(xml, "lastmod", modified.toString());
		}
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static CachedPage xml(String type, XmlBody body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			body.write(xml);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException cannotHappenInMemory) {
			throw new IllegalStateException(cannotHappenInMemory);
		}
		return page(out.toString(), type);
	}

	private static CachedPage page(String text, String type) {
		return CachedPage.of(text.getBytes(StandardCharsets.UTF_8), type, CachedPage.REVALIDATE);
	}

	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
