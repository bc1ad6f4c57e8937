package dev.faqkb.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sitemap file or sitemap index as a crawler reads it: parsed as XML (a malformed file
 * fails the test), its root and entries in the sitemaps.org namespace, each entry with
 * one {@code loc} and at most one {@code lastmod}.
 *
 * @param root {@code urlset} or {@code sitemapindex}
 */
record SitemapXml(String root, List<Entry> entries) {

	static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static SitemapXml parse(MvcTestResult result) throws Exception {
		return parse(result.getResponse().getContentAsByteArray());
	}

	static SitemapXml parse(byte[] body) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
		Element root = document.getDocumentElement();
		assertThat(root.getNamespaceURI()).as("namespace of <%s>", root.getLocalName()).isEqualTo(NAMESPACE);
		assertThat(root.getLocalName()).isIn("urlset", "sitemapindex");
		String entry = root.getLocalName().equals("urlset") ? "url" : "sitemap";
		List<Entry> entries = new ArrayList<>();
		for (Element element : children(root)) {
			assertThat(element.getLocalName()).isEqualTo(entry);
			assertThat(element.getNamespaceURI()).isEqualTo(NAMESPACE);
			String loc = null;
			String lastmod = null;
			for (Element field : children(element)) {
				assertThat(field.getLocalName()).as("in <%s>", entry).isIn("loc", "lastmod");
				if (field.getLocalName().equals("loc")) {
					assertThat(loc).as("a second <loc>").isNull();
					loc = field.getTextContent();
				}
				else {
					assertThat(lastmod).as("a second <lastmod>").isNull();
					lastmod = field.getTextContent();
				}
			}
			assertThat(loc).as("<loc> of <%s>", entry).isNotNull();
			entries.add(new Entry(loc, lastmod));
		}
		return new SitemapXml(root.getLocalName(), entries);
	}

	/** The addresses of a sitemap file. */
	List<String> urls() {
		assertThat(root).as("a sitemap file").isEqualTo("urlset");
		return entries.stream().map(Entry::loc).toList();
	}

	/** The addresses of the files a sitemap index lists. */
	List<String> parts() {
		assertThat(root).as("a sitemap index").isEqualTo("sitemapindex");
		return entries.stream().map(Entry::loc).toList();
	}

	List<String> lastmods() {
		return entries.stream().map(Entry::lastmod).toList();
	}

	private static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
			else {
				assertThat(node.getTextContent().strip()).as("text in <%s>", parent.getLocalName()).isEmpty();
			}
		}
		return children;
	}

	record Entry(String loc, String lastmod) {
	}

}
