package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sitemap, robots.txt and the OpenSearch description of a site without
 * {@code baseUrl}: each names the address it was asked at, is kept per snapshot and
 * address like the other pages (strong tag, gzip, 304), and never names one host to a
 * request for another, however many hosts visitors make up.
 */
@FaqkbWebTest
class DiscoveryPagesTest {

	private static final Pattern ETAG = Pattern.compile("\"[A-Za-z0-9_-]{22}\"");

	private static final String[][] DOCUMENTS = { { "/sitemap.xml", "application/xml;charset=UTF-8" },
			{ "/robots.txt", "text/plain;charset=UTF-8" },
			{ "/opensearch.xml", "application/opensearchdescription+xml;charset=UTF-8" } };

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PageCache pages;

	@Autowired
	SnapshotStore store;

	@Test
	void eachIsKeptWithAStrongTagGzippedAndAnswers304() throws Exception {
		for (String[] document : DOCUMENTS) {
			String address = "http://help.example.org" + document[0];
			MvcTestResult made = mvc.get().uri(address).exchange();
			assertThat(pages.hosted(store.current(), "http://help.example.org", document[0])).as("kept: %s", address)
				.isNotNull();
			MvcTestResult kept = mvc.get().uri(address).exchange();
			MvcTestResult gzipped = mvc.get().uri(address).header("Accept-Encoding", "gzip").exchange();

			for (MvcTestResult result : new MvcTestResult[] { made, kept }) {
				assertThat(result).as(address)
					.hasStatusOk()
					.hasContentType(document[1])
					.hasHeader("Cache-Control", "no-cache, public")
					.hasHeader("Vary", "Accept-Encoding")
					.bodyText()
					.contains("http://help.example.org/");
			}
			String etag = made.getResponse().getHeader("ETag");
			assertThat(etag).as(address).matches(ETAG);
			assertThat(kept).hasHeader("ETag", etag);
			assertThat(gzipped).as(address).hasHeader("Content-Encoding", "gzip").hasContentType(document[1]);
			assertThat(CachedPageTest.gunzip(gzipped.getResponse().getContentAsByteArray()))
				.isEqualTo(made.getResponse().getContentAsByteArray());

			MvcTestResult notModified = mvc.get().uri(address).header("If-None-Match", etag).exchange();
			assertThat(notModified).as(address).hasStatus(HttpStatus.NOT_MODIFIED).hasHeader("ETag", etag);
			assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();
			assertThat(mvc.get()
				.uri(address)
				.header("If-None-Match", gzipped.getResponse().getHeader("ETag"))
				.header("Accept-Encoding", "gzip")
				.exchange()).as(address).hasStatus(HttpStatus.NOT_MODIFIED);
		}
	}

	@Test
	void twoHostsEachGetTheirOwnAddressAndNeverTheOthers() throws Exception {
		String first = "http://help.example.org";
		String second = "https://other.example.net:8443";
		for (String[] document : DOCUMENTS) {
			for (int time = 1; time <= 2; time++) { // made, then kept
				for (String[] pair : new String[][] { { first, second }, { second, first } }) {
					MvcTestResult result = mvc.get().uri(pair[0] + document[0]).exchange();
					assertThat(result).as("%s%s, time %d", pair[0], document[0], time)
						.hasStatusOk()
						.bodyText()
						.contains(pair[0] + "/")
						.doesNotContain(host(pair[1]));
				}
			}
			String firstTag = mvc.get().uri(first + document[0]).exchange().getResponse().getHeader("ETag");
			MvcTestResult secondWithFirstTag = mvc.get()
				.uri(second + document[0])
				.header("If-None-Match", firstTag)
				.exchange();
			assertThat(secondWithFirstTag).as("%s with the tag of %s", document[0], first)
				.hasStatusOk()
				.bodyText()
				.contains(second + "/");
		}
		assertThat(mvc.get().uri(second + "/robots.txt").exchange()).bodyText()
			.endsWith("Sitemap: https://other.example.net:8443/sitemap.xml\n");
	}

	@Test
	void aFloodOfMadeUpHostsKeepsOnlyAFewPagesAndEachStillGetsItsOwn() throws Exception {
		for (int time = 0; time < 5; time++) { // the real host, asked often
			mvc.get().uri("http://help.example.org/sitemap.xml").exchange();
		}
		for (int host = 0; host < 300; host++) {
			String address = "http://made-up-" + host + ".example";
			String path = DOCUMENTS[host % DOCUMENTS.length][0];
			MvcTestResult result = mvc.get().uri(address + path).exchange();
			assertThat(result).as(address + path).hasStatusOk();
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(address + path)
				.contains(address + "/")
				.doesNotContain("made-up-" + (host + 1) + ".")
				.doesNotContain("made-up-" + (host - 1) + ".")
				.doesNotContain("help.example.org");
		}

		assertThat(pages.hostedAddresses(store.current())).isBetween(1, PageCache.HOSTED_ADDRESSES);
		assertThat(pages.hostedCount(store.current()))
			.isLessThanOrEqualTo((long) PageCache.HOSTED_ADDRESSES * DOCUMENTS.length);
		assertThat(mvc.get().uri("http://help.example.org/sitemap.xml").exchange()).bodyText()
			.contains("<loc>http://help.example.org/faq/help/export</loc>")
			.doesNotContain("made-up");
	}

	@Test
	void withinOneFilesLimitsTheSitemapListsEveryUrlAndHasNoParts() throws Exception {
		MvcTestResult sitemap = mvc.get().uri("http://help.example.org/sitemap.xml").exchange();

		assertThat(SitemapXml.parse(sitemap).urls()).containsExactly("http://help.example.org/",
				"http://help.example.org/faq/help", "http://help.example.org/faq/help/reset-password",
				"http://help.example.org/faq/help/delete-account", "http://help.example.org/faq/help/export",
				"http://help.example.org/faq/billing", "http://help.example.org/faq/billing/cards");
		assertThat(mvc.get().uri("http://help.example.org/sitemap-1.xml").accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("There is no such part of the sitemap.");
		assertThat(pages.hosted(store.current(), "http://help.example.org", "/sitemap-1.xml")).isNull();
	}

	/** {@code https://other.example.net:8443} to {@code other.example.net}. */
	private static String host(String base) {
		return base.replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
	}

}
