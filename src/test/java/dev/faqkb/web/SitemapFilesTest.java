package dev.faqkb.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.content.Section;
import dev.faqkb.content.SiteInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a catalog's sitemap is cut into files by the protocol's two limits, URLs and bytes.
 */
class SitemapFilesTest {

	private static final String BASE = "https://faq.example.com";

	@Test
	void atTheUrlLimitTheSitemapIsOneFileAndOneUrlMoreMakesAnIndexOfTwo() throws Exception {
		Catalog catalog = catalog(6, "q"); // 8 URLs: home, the category, 6 questions
		SitemapFiles eight = new SitemapFiles(8, SitemapFiles.MAX_BYTES);
		SitemapFiles seven = new SitemapFiles(7, SitemapFiles.MAX_BYTES);

		assertThat(SitemapXml.parse(body(eight.sitemap(catalog, BASE))).urls()).hasSize(8);
		assertThat(eight.part(catalog, BASE, 1)).as("no parts within the limit").isNull();
		assertThat(SitemapXml.parse(body(seven.sitemap(catalog, BASE))).parts())
			.containsExactly(BASE + "/sitemap-1.xml", BASE + "/sitemap-2.xml");
		assertThat(SitemapXml.parse(body(seven.part(catalog, BASE, 1))).urls()).hasSize(7);
		assertThat(SitemapXml.parse(body(seven.part(catalog, BASE, 2))).urls())
			.containsExactly(BASE + "/faq/general/q5");
		assertThat(seven.part(catalog, BASE, 3)).isNull();
		assertThat(seven.part(catalog, BASE, 0)).isNull();
	}

	@Test
	void longAddressesAreCutByBytesAndEachFileStaysWithinThem() throws Exception {
		// Ids of 150 characters, some outside ASCII, and a base with every character XML
		// escapes.
		Catalog catalog = catalog(200, "é-中-😀-" + "long-question-".repeat(10));
		String base = "https://faq.example.com/a&b'c\"d<e>";
		int maxBytes = 4_000;
		SitemapFiles files = new SitemapFiles(SitemapFiles.MAX_URLS, maxBytes);

		List<String> parts = SitemapXml.parse(body(files.sitemap(catalog, base))).parts();
		List<String> listed = new ArrayList<>();
		for (int number = 1; number <= parts.size(); number++) {
			assertThat(parts.get(number - 1)).isEqualTo(base + "/sitemap-" + number + ".xml");
			byte[] part = body(files.part(catalog, base, number));
			assertThat(part.length).as("part %d", number).isLessThanOrEqualTo(maxBytes);
			if (number < parts.size()) {
				assertThat(part.length).as("part %d, not the last, is more than half full", number)
					.isGreaterThan(maxBytes / 2);
			}
			listed.addAll(SitemapXml.parse(part).urls());
		}
		assertThat(new HashSet<>(listed)).hasSameSizeAs(listed);
		assertThat(listed).hasSize(202).startsWith(base + "/", base + "/faq/general");
		assertThat(listed.get(201)).isEqualTo(base + "/faq/general/é-中-😀-" + "long-question-".repeat(10) + 199);
		assertThat(files.part(catalog, base, parts.size() + 1)).isNull();
	}

	@Test
	void escapedBytesAreAtLeastWhatTheXmlWriterWrites() throws Exception {
		assertThat(SitemapFiles.escapedBytes("https://faq.example.com/faq/general")).isEqualTo(35);
		assertThat(SitemapFiles.escapedBytes("&<>")).isEqualTo(13);
		assertThat(SitemapFiles.escapedBytes("é中😀")).isEqualTo(2 + 3 + 4);
		for (String text : new String[] { "https://faq.example.com/faq/general", "a&b<c>d", "\"'", "é中😀",
				"/faq/allgemein/wie-lösche-ich-mein-konto" }) {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeCharacters(text);
			xml.close();
			assertThat(SitemapFiles.escapedBytes(text)).as(text)
				.isGreaterThanOrEqualTo(out.toString().getBytes(StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void aPartHasOneAddressAsTheIndexWritesIt() {
		assertThat(SitemapFiles.partNumber("/sitemap-1.xml")).isEqualTo(1);
		assertThat(SitemapFiles.partNumber("/sitemap-12.xml")).isEqualTo(12);
		assertThat(SitemapFiles.partNumber("/sitemap-999999999.xml")).isEqualTo(999_999_999);
		for (String path : new String[] { "/sitemap.xml", "/sitemap-0.xml", "/sitemap-01.xml", "/sitemap--1.xml",
				"/sitemap-1000000000.xml", "/sitemap-1.xml?x", "/sitemap-1.xml.gz", "/sitemap-x.xml" }) {
			assertThat(SitemapFiles.partNumber(path)).as(path).isZero();
		}
	}

	/**
	 * One category, {@code general}, updated 2024-05-31, with {@code count} questions
	 * {@code <prefix>0}, ...
	 */
	private static Catalog catalog(int count, String prefix) {
		List<Question> questions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			questions.add(new Question("general", prefix + i, "Question " + i + "?", "Section", "<p>Yes.</p>", "Yes.",
					Path.of("general.md"), i + 1, false, "Yes."));
		}
		Category general = new Category("general", "General", "", 1, "",
				List.of(new Section("section", "Section", "", questions)), Path.of("general.md"),
				LocalDate.of(2024, 5, 31), Map.of(), false);
		return new Catalog(new SiteInfo("Test FAQ", "", "", false), List.of(general));
	}

	private static byte[] body(CachedPage page) throws IOException {
		return CachedPageTest.gunzip(page.gzip());
	}

}
