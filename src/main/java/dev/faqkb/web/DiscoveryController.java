package dev.faqkb.web;

import java.io.StringWriter;
import java.time.LocalDate;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.Snapshot;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How search engines and browsers find the site: {@code /sitemap.xml} (every category and question),
 * {@code /robots.txt} (pointing to it) and {@code /opensearch.xml} (the site's search, for the browser's address
 * bar). Addresses are absolute, from {@code site.yml}'s {@code baseUrl}; without it, from the request.
 */
@RestController
class DiscoveryController {

	static final MediaType OPENSEARCH = MediaType.parseMediaType("application/opensearchdescription+xml;charset=UTF-8");

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

	/** OpenSearch allows at most 16 characters in {@code ShortName}. */
	private static final int SHORT_NAME = 16;

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request)
			throws XMLStreamException {
		Catalog catalog = snapshot.catalog();
		String base = PublicLinks.base(catalog.site(), request);
		return xml(XML, xml -> {
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
		});
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request) {
		// Search result pages only repeat the answers, which have their own pages; the API and admin are not pages.
		String robots = """
				User-agent: *
				Disallow: /search
				Disallow: /api/
				Disallow: /admin/

				Sitemap: %s/sitemap.xml
				""".formatted(PublicLinks.base(snapshot.catalog().site(), request));
		return ResponseEntity.ok().contentType(TEXT).body(robots);
	}

	@GetMapping("/opensearch.xml")
	ResponseEntity<String> openSearch(@ModelAttribute("snapshot") Snapshot snapshot, HttpServletRequest request)
			throws XMLStreamException {
		Catalog catalog = snapshot.catalog();
		String base = PublicLinks.base(catalog.site(), request);
		String title = catalog.site().title();
		return xml(OPENSEARCH, xml -> {
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
			xml.writeAttribute("type", OPENSEARCH.getType() + "/" + OPENSEARCH.getSubtype());
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("template", base + "/opensearch.xml");
			xml.writeEndElement();
		});
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

	private static ResponseEntity<String> xml(MediaType type, XmlBody body) throws XMLStreamException {
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		body.write(xml);
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok().contentType(type).body(out.toString());
	}

	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
