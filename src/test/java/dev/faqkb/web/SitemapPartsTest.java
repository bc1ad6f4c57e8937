package dev.faqkb.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import dev.faqkb.TestContent;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.FaqkbProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sitemap over one file's limits, here 3 URLs a file instead of 50,000:
 * {@code /sitemap.xml} is the index of its parts, each part a sitemap file of its own,
 * kept per snapshot and address like the other discovery files. The discovery controller
 * alone: security, the filter that serves kept pages and the features that watch requests
 * are left out (the same pages through the whole application are
 * {@link DiscoveryPagesTest}).
 */
@WebMvcTest(controllers = DiscoveryController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "dev\\.faqkb\\.(feedback|insights)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import({ SnapshotStore.class, PageCache.class })
@EnableConfigurationProperties(FaqkbProperties.class)
@TestContent.Folder
class SitemapPartsTest {

	private static final Pattern ETAG = Pattern.compile("\"[A-Za-z0-9_-]{22}\"");

	private static final String BASE = "http://help.example.org";

	/**
	 * Every URL of the content below, in the order the sitemap lists them: 8, so 3 files
	 * of 3, 3 and 2.
	 */
	private static final List<String> PATHS = List.of("/", "/faq/help", "/faq/help/reset-password",
			"/faq/help/delete-account", "/faq/help/export", "/faq/billing", "/faq/billing/cards",
			"/faq/billing/refunds");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PageCache pages;

	@Autowired
	SnapshotStore store;

	@TestContent.Setup
	static void content(TestContent content) {
		content.site("title: Test FAQ\n");
		content.file("help.md", """
				---
				title: Help
				order: 1
				updated: 2024-05-31
				---

				## How do I reset my password? {#reset-password}

				Open the account page.

				## How do I delete my account? {#delete-account}

				Write to support.

				## Not ready {#not-ready .draft}

				A draft, which search engines never see.

				## Can I export my data? {#export}

				Yes.
				""");
		content.file("billing.md", """
				---
				title: Billing
				order: 2
				updated: 2025-01-15
				---

				## Which cards do you accept? {#cards}

				Visa and Mastercard.

				## Can I get a refund? {#refunds}

				Within 30 days.
				""");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ThreeUrlsAFile {

		@Bean
		SitemapFiles threeUrlsAFile() {
			return new SitemapFiles(3, SitemapFiles.MAX_BYTES);
		}

	}

	@Test
	void theSitemapIsAnIndexOfPartsThatTogetherListEveryUrlOnce() throws Exception {
		MvcTestResult sitemap = mvc.get().uri(BASE + "/sitemap.xml").exchange();
		assertThat(sitemap).hasStatusOk().hasContentType("application/xml;charset=UTF-8");
		SitemapXml index = SitemapXml.parse(sitemap);

		assertThat(index.parts()).containsExactly(BASE + "/sitemap-1.xml", BASE + "/sitemap-2.xml",
				BASE + "/sitemap-3.xml");
		// Each part's latest date: the first has Help's only, the second and third
		// Billing's.
		assertThat(index.lastmods()).containsExactly("2024-05-31", "2025-01-15", "2025-01-15");
		List<String> listed = new ArrayList<>();
		for (String part : index.parts()) {
			MvcTestResult file = mvc.get().uri(part).exchange();
			assertThat(file).as(part).hasStatusOk().hasContentType("application/xml;charset=UTF-8");
			List<String> urls = SitemapXml.parse(file).urls();
			assertThat(urls).as(part).isNotEmpty().hasSizeLessThanOrEqualTo(3);
			listed.addAll(urls);
		}
		assertThat(new HashSet<>(listed)).as("no URL twice").hasSameSizeAs(listed);
		assertThat(listed).containsExactlyElementsOf(PATHS.stream().map(path -> BASE + path).toList());
		assertThat(SitemapXml.parse(mvc.get().uri(BASE + "/sitemap-1.xml").exchange()).lastmods())
			.as("lastmod of each URL, as in one file")
			.containsExactly(null, "2024-05-31", "2024-05-31");
	}

	@Test
	void robotsStillPointToTheSitemapIndex() {
		assertThat(mvc.get().uri(BASE + "/robots.txt")).hasStatusOk()
			.bodyText()
			.endsWith("Sitemap: " + BASE + "/sitemap.xml\n");
	}

	@Test
	void aPartIsKeptWithAStrongTagGzippedAndAnswers304() throws Exception {
		String address = BASE + "/sitemap-2.xml";
		MvcTestResult made = mvc.get().uri(address).exchange();
		assertThat(pages.hosted(store.current(), BASE, "/sitemap-2.xml")).as("kept").isNotNull();
		MvcTestResult kept = mvc.get().uri(address).exchange();
		MvcTestResult gzipped = mvc.get().uri(address).header("Accept-Encoding", "gzip").exchange();

		for (MvcTestResult result : new MvcTestResult[] { made, kept }) {
			assertThat(result).hasStatusOk()
				.hasContentType("application/xml;charset=UTF-8")
				.hasHeader("Cache-Control", "no-cache, public")
				.hasHeader("Vary", "Accept-Encoding")
				.bodyText()
				.contains("<loc>" + BASE + "/faq/help/delete-account</loc>");
		}
		String etag = made.getResponse().getHeader("ETag");
		assertThat(etag).matches(ETAG);
		assertThat(kept).hasHeader("ETag", etag);
		assertThat(gzipped).hasHeader("Content-Encoding", "gzip");
		assertThat(CachedPageTest.gunzip(gzipped.getResponse().getContentAsByteArray()))
			.isEqualTo(made.getResponse().getContentAsByteArray());
		assertThat(etag).as("another part, another tag")
			.isNotEqualTo(mvc.get().uri(BASE + "/sitemap-1.xml").exchange().getResponse().getHeader("ETag"));

		MvcTestResult notModified = mvc.get().uri(address).header("If-None-Match", etag).exchange();
		assertThat(notModified).hasStatus(HttpStatus.NOT_MODIFIED).hasHeader("ETag", etag);
		assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();
		assertThat(mvc.head().uri(address).header("If-None-Match", etag).exchange()).hasStatus(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void aPartTheIndexDoesNotListIs404AndIsNotKept() {
		mvc.get().uri(BASE + "/sitemap.xml").exchange();
		long kept = pages.hostedCount(store.current());
		for (String path : new String[] { "/sitemap-4.xml", "/sitemap-0.xml", "/sitemap-01.xml", "/sitemap--1.xml",
				"/sitemap-x.xml", "/sitemap-99999999999999999999.xml", "/sitemap-2147483648.xml" }) {
			assertThat(mvc.get().uri(BASE + path).accept(MediaType.TEXT_HTML)).as(path)
				.hasStatus(HttpStatus.NOT_FOUND)
				.bodyText()
				.contains("There is no such part of the sitemap.");
			assertThat(mvc.get().uri(BASE + path).accept(MediaType.APPLICATION_JSON)).as(path)
				.hasStatus(HttpStatus.NOT_FOUND);
		}
		assertThat(pages.hostedCount(store.current())).as("nothing kept for them").isEqualTo(kept);
	}

	@Test
	void twoHostsNeverSeeEachOthersAddressesInTheIndexOrItsParts() {
		String first = BASE;
		String second = "https://other.example.net:8443";
		for (int time = 1; time <= 2; time++) { // made, then kept
			for (String[] pair : new String[][] { { first, second }, { second, first } }) {
				for (String path : new String[] { "/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml",
						"/sitemap-3.xml" }) {
					assertThat(mvc.get().uri(pair[0] + path)).as("%s%s, time %d", pair[0], path, time)
						.hasStatusOk()
						.bodyText()
						.contains("<loc>" + pair[0] + "/")
						.doesNotContain(pair[1].replaceFirst("^https?://", "").replaceFirst(":\\d+$", ""));
				}
			}
		}
		String firstTag = mvc.get().uri(first + "/sitemap-3.xml").exchange().getResponse().getHeader("ETag");
		assertThat(mvc.get().uri(second + "/sitemap-3.xml").header("If-None-Match", firstTag))
			.as("the second host with the first's tag")
			.hasStatusOk()
			.bodyText()
			.contains("<loc>" + second + "/faq/billing/cards</loc>");
	}

	@Test
	void anAddressKeepsItsPartsAndAFloodOfMadeUpHostsKeepsFewAddresses() {
		List<String> documents = List.of("/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml",
				"/robots.txt", "/opensearch.xml");
		for (String path : documents) {
			mvc.get().uri(BASE + path).exchange();
			assertThat(pages.hosted(store.current(), BASE, path)).as("%s, kept", path).isNotNull();
		}
		for (int host = 0; host < 200; host++) {
			String address = "http://made-up-" + host + ".example";
			String path = documents.get(host % documents.size());
			assertThat(mvc.get().uri(address + path)).as(address + path)
				.hasStatusOk()
				.bodyText()
				.contains(address + "/")
				.doesNotContain("help.example.org");
		}

		assertThat(pages.hostedAddresses(store.current())).isBetween(1, PageCache.HOSTED_ADDRESSES);
		assertThat(pages.hostedCount(store.current()))
			.isLessThanOrEqualTo((long) PageCache.HOSTED_ADDRESSES * documents.size());
		for (String path : documents) {
			assertThat(mvc.get().uri(BASE + path)).as(path)
				.hasStatusOk()
				.bodyText()
				.contains(BASE + "/")
				.doesNotContain("made-up");
		}
	}

}
