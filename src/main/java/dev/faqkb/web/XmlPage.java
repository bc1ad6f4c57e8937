package dev.faqkb.web;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document written with StAX, which escapes what it writes, and kept as a
 * {@link CachedPage}: the sitemap files and the OpenSearch description.
 */
final class XmlPage {

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	private XmlPage() {
	}

	/**
	 * The document {@code body} writes, after an XML declaration, as a page of
	 * {@code contentType}.
	 */
	static CachedPage of(String contentType, Body body) {
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
		return CachedPage.of(out.toString().getBytes(StandardCharsets.UTF_8), contentType, CachedPage.REVALIDATE);
	}

	static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	@FunctionalInterface
	interface Body {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
