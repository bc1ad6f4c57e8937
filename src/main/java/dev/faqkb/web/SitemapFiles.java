package dev.faqkb.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The sitemap of a catalog
 * (<a href="https://www.sitemaps.org/protocol.html">sitemaps.org</a>): the home page and
 * every published category and question, with {@code lastmod} from the category's
 * {@code updated}. One file may list at most 50,000 URLs in at most 50 MB (before
 * compression), so a larger catalog is cut, in order, into {@code /sitemap-1.xml} ...
 * {@code /sitemap-N.xml}, each as full as both limits allow, and {@code /sitemap.xml}
 * becomes the sitemap index that lists them. A catalog within the limits has
 * {@code /sitemap.xml} as its one file and no numbered ones. Addresses are absolute, on
 * the base given. A translated site lists every language's pages, each with
 * {@code <xhtml:link rel="alternate" hreflang>} to the same page in every language and
 * {@code x-default} (the default language's), as search engines read translations from a
 * sitemap. Immutable and thread-safe.
 */
@Component
class SitemapFiles {

	/** URLs one file may list. */
	static final int MAX_URLS = 50_000;

	/**
	 * Bytes one file may take before compression: 50 MB as the protocol counts them. With
	 * 50,000 URLs that is about 1 KB a URL, which a long question (its id is the slug of
	 * its heading) or a long {@code Host} (up to the 8 KB of request headers Tomcat
	 * takes) can pass, so files are cut by bytes too.
	 */
	static final long MAX_BYTES = 52_428_800;

	/**
	 * Numbers as written in the index: no leading zero, so each part has one address (and
	 * one cache entry).
	 */
	private static final Pattern PART = Pattern.compile("/sitemap-([1-9][0-9]{0,8})\\.xml");

	private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final String XHTML = "http://www.w3.org/1999/xhtml";

	/**
	 * More than the namespace declaration of {@code xhtml:} takes, in a sitemap of
	 * several languages.
	 */
	private static final int XHTML_NAMESPACE = 60;

	private static final int LINK_TAGS = "<xhtml:link rel=\"alternate\" hreflang=\"\" href=\"\"/>".length();

	private static final String XML = MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8";

	/** More than the XML declaration and the root element's tags take. */
	private static final int ENVELOPE = 200;

	private static final int URL_TAGS = "<url><loc></loc></url>".length();

	private static final int LASTMOD_TAGS = "<lastmod></lastmod>".length();

	private final int maxUrls;

	private final long maxBytes;

	SitemapFiles() {
		this(MAX_URLS, MAX_BYTES);
	}

	/** Lower limits, for tests: a catalog of a few questions then takes several files. */
	SitemapFiles(int maxUrls, long maxBytes) {
		this.maxUrls = maxUrls;
		this.maxBytes = maxBytes;
	}

	/** The address of part {@code number} (from 1), on the site's base. */
	static String partPath(int number) {
		return "/sitemap-" + number + ".xml";
	}

	/**
	 * The number of the part {@code path} names as {@link #partPath} writes it, or 0 when
	 * it names none.
	 */
	static int partNumber(String path) {
		Matcher part = PART.matcher(path);
		return part.matches() ? Integer.parseInt(part.group(1)) : 0;
	}

	/** {@code /sitemap.xml} of a site in one language. */
	CachedPage sitemap(Catalog catalog, String base) {
		return sitemap(List.of(catalog), base);
	}

	/**
	 * {@code /sitemap.xml}: every URL when they fit one file, else the index of the
	 * parts.
	 * @param catalogs the catalog of each language, the default language's first
	 */
	CachedPage sitemap(List<Catalog> catalogs, String base) {
		List<Url> urls = urls(catalogs);
		List<Part> parts = parts(urls, base);
		return parts.size() == 1 ? urlset(urls, base) : index(parts, base);
	}

	/**
	 * Part {@code number} (from 1) of the sitemap, or {@code null} when there is none: a
	 * number past the last, or any number when the sitemap is one file.
	 */
	CachedPage part(Catalog catalog, String base, int number) {
		return part(List.of(catalog), base, number);
	}

	/** As {@link #part(Catalog, String, int)}, of a site in several languages. */
	CachedPage part(List<Catalog> catalogs, String base, int number) {
		List<Url> urls = urls(catalogs);
		List<Part> parts = parts(urls, base);
		if (parts.size() == 1 || number < 1 || number > parts.size()) {
			return null;
		}
		Part part = parts.get(number - 1);
		return urlset(urls.subList(part.from(), part.to()), base);
	}

	/**
	 * The URLs the sitemap lists, in order: each language's, the default language's
	 * first.
	 */
	private static List<Url> urls(List<Catalog> catalogs) {
		Catalog first = catalogs.get(0);
		List<Url> urls = new ArrayList<>(catalogs.size() * (first.questions().size() + first.categories().size() + 1));
		for (Catalog catalog : catalogs) {
			urls.add(
					new Url(null, null, catalog.base() + "/", null, alternates(catalogs, other -> other.base() + "/")));
			for (Category category : catalog.categories()) {
				if (category.draft()) {
					continue; // only a preview server shows drafts; search engines should
								// never see them
				}
				urls.add(new Url(category, null, category.url(), catalog.updated(category).orElse(null),
						alternates(catalogs, other -> other.category(category.id()).map(Category::url).orElse(null))));
				for (Question question : category.questions()) {
					if (!question.draft()) {
						urls.add(new Url(category, question, question.url(), catalog.updated(question).orElse(null),
								alternates(catalogs,
										other -> other.question(question.category(), question.id())
											.map(Question::url)
											.orElse(null))));
					}
				}
			}
		}
		return urls;
	}

	/**
	 * The same page in each language, the default language's first; none for a site in
	 * one language. Every translation has every page of the default language, so each has
	 * it (a page only some have is left out).
	 */
	private static List<Alternate> alternates(List<Catalog> catalogs, Function<Catalog, String> path) {
		if (catalogs.size() == 1) {
			return List.of();
		}
		List<Alternate> alternates = new ArrayList<>(catalogs.size());
		for (Catalog catalog : catalogs) {
			String found = path.apply(catalog);
			if (found != null) {
				alternates.add(new Alternate(catalog.language(), found));
			}
		}
		return alternates;
	}

	/**
	 * {@code urls} cut into files of at most {@link #maxUrls} URLs and {@link #maxBytes}
	 * bytes, in order. Every file has at least one URL, so a URL alone over the bytes (a
	 * heading of megabytes) still gets a file, the one file that can pass them. The index
	 * may list 50,000 files, far more than a catalog that fits in memory needs.
	 */
	private List<Part> parts(List<Url> urls, String base) {
		List<Part> parts = new ArrayList<>();
		int from = 0;
		long envelope = ENVELOPE + (urls.get(0).alternates().isEmpty() ? 0 : XHTML_NAMESPACE);
		long bytes = envelope;
		LocalDate modified = null;
		int baseBytes = escapedBytes(base);
		for (int i = 0; i < urls.size(); i++) {
			Url url = urls.get(i);
			long size = url.bytes(baseBytes);
			if (i > from && (i - from == maxUrls || bytes + size > maxBytes)) {
				parts.add(new Part(from, i, modified));
				from = i;
				bytes = envelope;
				modified = null;
			}
			bytes += size;
			modified = url.modified() != null && (modified == null || url.modified().isAfter(modified)) ? url.modified()
					: modified;
		}
		parts.add(new Part(from, urls.size(), modified));
		return parts;
	}

	private static CachedPage urlset(List<Url> urls, String base) {
		return XmlPage.of(XML, xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(NAMESPACE);
			boolean languages = !urls.isEmpty() && !urls.get(0).alternates().isEmpty();
			if (languages) {
				xml.writeNamespace("xhtml", XHTML);
			}
			for (Url url : urls) {
				xml.writeStartElement("url");
				XmlPage.element(xml, "loc", base + url.path());
				lastmod(xml, url.modified());
				for (Alternate alternate : url.alternates()) {
					link(xml, alternate.lang(), base + alternate.path());
				}
				if (!url.alternates().isEmpty()) {
					link(xml, "x-default", base + url.alternates().get(0).path());
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	private static CachedPage index(List<Part> parts, String base) {
		return XmlPage.of(XML, xml -> {
			xml.writeStartElement("sitemapindex");
			xml.writeDefaultNamespace(NAMESPACE);
			for (int number = 1; number <= parts.size(); number++) {
				xml.writeStartElement("sitemap");
				XmlPage.element(xml, "loc", base + partPath(number));
				// The part's latest date, so a crawler can skip the parts whose answers
				// did not change.
				lastmod(xml, parts.get(number - 1).modified());
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	private static void link(XMLStreamWriter xml, String lang, String href) throws XMLStreamException {
		xml.writeEmptyElement("xhtml", "link", XHTML);
		xml.writeAttribute("rel", "alternate");
		xml.writeAttribute("hreflang", lang);
		xml.writeAttribute("href", href);
	}

	private static void lastmod(XMLStreamWriter xml, LocalDate modified) throws XMLStreamException {
		if (modified != null) {
			XmlPage.element(xml, "lastmod", modified.toString());
		}
	}

	/**
	 * At least the bytes {@code text} takes in a file: UTF-8, with {@code &}, {@code <}
	 * and {@code >} as entities, and quotes counted as entities too (another StAX writer
	 * may escape them): exact for text without quotes, such as every id (letters, marks,
	 * digits, {@code _} and {@code -}).
	 */
	static int escapedBytes(String text) {
		int bytes = text.length();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				// A surrogate pair is 4 bytes in UTF-8, 2 for each of its chars.
				bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
			}
			else if (c == '&') {
				bytes += "&amp;".length() - 1;
			}
			else if (c == '<' || c == '>') {
				bytes += "&lt;".length() - 1;
			}
			else if (c == '"' || c == '\'') {
				bytes += "&quot;".length() - 1;
			}
		}
		return bytes;
	}

	/**
	 * The home page (both {@code null}), a category's page ({@code question}
	 * {@code null}) or a question's, at {@code path} in its language.
	 *
	 * @param modified when it last changed ({@link Catalog#updated}), or {@code null}
	 * @param alternates the same page in every language, the default language's first;
	 * empty for a site in one
	 */
	private record Url(Category category, Question question, String path, LocalDate modified,
			List<Alternate> alternates) {

		/**
		 * What the URL takes in a file, with its tags, {@code lastmod} and alternates,
		 * each address on a base of {@code baseBytes}.
		 */
		long bytes(int baseBytes) {
			LocalDate modified = modified();
			long bytes = baseBytes + URL_TAGS + escapedBytes(path)
					+ (modified == null ? 0 : LASTMOD_TAGS + modified.toString().length());
			for (Alternate alternate : alternates) {
				bytes += LINK_TAGS + escapedBytes(alternate.lang()) + baseBytes + escapedBytes(alternate.path());
			}
			if (!alternates.isEmpty()) {
				bytes += LINK_TAGS + "x-default".length() + baseBytes + escapedBytes(alternates.get(0).path());
			}
			return bytes;
		}

	}

	/** One language's address of a page. */
	private record Alternate(String lang, String path) {
	}

	/**
	 * The URLs {@code from} (inclusive) {@code to} (exclusive) of the sitemap's list, and
	 * the latest {@code lastmod} among them ({@code null} when none has one).
	 */
	private record Part(int from, int to, LocalDate modified) {
	}

}
