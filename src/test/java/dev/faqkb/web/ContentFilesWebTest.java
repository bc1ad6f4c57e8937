package dev.faqkb.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import dev.faqkb.TestImages;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images and files that answers use, as a browser gets them: at an address named by
 * their content, kept for a year, in part when asked, gzipped when that helps, sandboxed;
 * and nothing else of the content folder, ever.
 */
@FaqkbWebTest
class ContentFilesWebTest {

	static final byte[] PNG = TestImages.png(64, 48);

	static final byte[] PDF = "%PDF-1.4\n% the manual, long enough to be read in parts\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] SVG = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script>"
			+ "<rect width=\"10\" height=\"10\"/>" + " ".repeat(2000) + "</svg>")
		.getBytes(StandardCharsets.UTF_8);

	@TestContent.Setup
	static void content(TestContent content) {
		content.site("title: Files FAQ\n")
			.file("img/flow.png", PNG)
			.file("img/unused.png", TestImages.png(9, 9))
			.file("img/icon.svg", SVG)
			.file("files/manual.pdf", PDF)
			.file("files/release notes été.pdf", PDF)
			.file("img/edited.png", TestImages.png(7, 7))
			.file("img/changes.png", TestImages.png(5, 5))
			.file(".hidden/secret.png", TestImages.png(6, 6))
			.category("general", "General", """
					## How does it flow? {#flow}

					![The flow](img/flow.png) ![An icon](img/icon.svg)

					Read [the manual](files/manual.pdf) and the [notes](files/release%20notes%20été.pdf).

					## What changed? {#changes}

					![Before](img/changes.png) ![Edited](img/edited.png)
					""");
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SnapshotStore store;

	@Autowired
	TestContent content;

	@Test
	void theAnswerPageShowsTheImageAtItsAddressWithItsSize() {
		assertThat(mvc.get().uri("/faq/general/flow")).hasStatusOk()
			.bodyText()
			.contains("<img src=\"/files/" + TestContent.fileHash(PNG)
					+ "/flow.png\" alt=\"The flow\" width=\"64\" height=\"48\" />")
			.contains("<a href=\"/files/" + TestContent.fileHash(PDF) + "/manual.pdf\">the manual</a>");
	}

	@Test
	void anImageIsServedWithItsTypeForAYearAndIsNeverSniffedOrRun() {
		MvcTestResult result = mvc.get().uri("/files/" + TestContent.fileHash(PNG) + "/flow.png").exchange();
		assertThat(result).hasStatusOk()
			.hasContentType("image/png")
			.hasHeader("Cache-Control", "max-age=31536000, public, immutable")
			.hasHeader("ETag", "\"" + TestContent.fileHash(PNG) + "\"")
			.hasHeader("Accept-Ranges", "bytes")
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasHeader("Content-Security-Policy", ContentFileReplies.SANDBOX);
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PNG);
	}

	@Test
	void aFileWhoseNameNeedsEncodingIsServedAtTheAddressThePageGives() {
		String address = "/files/" + TestContent.fileHash(PDF) + "/release%20notes%20%C3%A9t%C3%A9.pdf";
		assertThat(mvc.get().uri("/faq/general/flow")).bodyText().contains("<a href=\"" + address + "\">notes</a>");
		MvcTestResult result = mvc.get().uri(java.net.URI.create(address)).exchange();
		assertThat(result).hasStatusOk().hasContentType("application/pdf");
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PDF);
	}

	@Test
	void aFileTheBrowserHasGetsA304() {
		assertThat(mvc.get()
			.uri("/files/" + TestContent.fileHash(PNG) + "/flow.png")
			.header("If-None-Match", "\"" + TestContent.fileHash(PNG) + "\"")).hasStatus(HttpStatus.NOT_MODIFIED);
		assertThat(mvc.get()
			.uri("/files/" + TestContent.fileHash(SVG) + "/icon.svg")
			.header("If-None-Match", "\"other\"")
			.exchange()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void aPartOfAFileIsServedWhenAsked() {
		MvcTestResult part = mvc.get()
			.uri("/files/" + TestContent.fileHash(PDF) + "/manual.pdf")
			.header("Range", "bytes=5-14")
			.exchange();
		assertThat(part).hasStatus(HttpStatus.PARTIAL_CONTENT)
			.hasContentType("application/pdf")
			.hasHeader("Content-Range", "bytes 5-14/" + PDF.length);
		assertThat(part.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(PDF, 5, 15));
		assertThat(mvc.get().uri("/files/" + TestContent.fileHash(PDF) + "/manual.pdf").header("Range", "bytes=9000-"))
			.hasStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
	}

	@Test
	void aRangeOfAnotherVersionOrSeveralRangesGetTheWholeFile() {
		MvcTestResult otherVersion = mvc.get()
			.uri("/files/" + TestContent.fileHash(PDF) + "/manual.pdf")
			.header("Range", "bytes=5-14")
			.header("If-Range", "\"other\"")
			.exchange();
		assertThat(otherVersion).hasStatusOk();
		assertThat(otherVersion.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		MvcTestResult several = mvc.get()
			.uri("/files/" + TestContent.fileHash(PDF) + "/manual.pdf")
			.header("Range", "bytes=0-1,5-6")
			.exchange();
		assertThat(several).hasStatusOk();
		assertThat(several.getResponse().getContentAsByteArray()).isEqualTo(PDF);
	}

	@Test
	void aPdfKeepsTheSitePolicySoThatBrowsersShowIt() {
		MvcTestResult pdf = mvc.get().uri("/files/" + TestContent.fileHash(PDF) + "/manual.pdf").exchange();
		assertThat(pdf).hasStatusOk().hasHeader("X-Content-Type-Options", "nosniff");
		assertThat(pdf.getResponse().getHeader("Content-Security-Policy")).startsWith("default-src 'self'")
			.doesNotContain("sandbox");
	}

	@Test
	void anSvgIsGzippedForReadersWhoTakeItAndSandboxedSoItsScriptNeverRuns() throws IOException {
		MvcTestResult gzipped = mvc.get()
			.uri("/files/" + TestContent.fileHash(SVG) + "/icon.svg")
			.header("Accept-Encoding", "gzip, br")
			.exchange();
		assertThat(gzipped).hasStatusOk()
			.hasContentType("image/svg+xml")
			.hasHeader("Content-Encoding", "gzip")
			.hasHeader("Cache-Control", "max-age=31536000, public, immutable")
			.hasHeader("Content-Security-Policy", ContentFileReplies.SANDBOX)
			.hasHeader("X-Content-Type-Options", "nosniff");
		byte[] body = gzipped.getResponse().getContentAsByteArray();
		assertThat(body.length).isLessThan(SVG.length / 4);
		assertThat(new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes()).isEqualTo(SVG);
		MvcTestResult plain = mvc.get().uri("/files/" + TestContent.fileHash(SVG) + "/icon.svg").exchange();
		assertThat(plain.getResponse().getHeader("Content-Encoding")).isNull();
		assertThat(plain.getResponse().getContentAsByteArray()).isEqualTo(SVG);
	}

	@Test
	void headAnswersWithTheHeadersAlone() {
		MvcTestResult head = mvc.head().uri("/files/" + TestContent.fileHash(PNG) + "/flow.png").exchange();
		assertThat(head).hasStatusOk().hasContentType("image/png");
		assertThat(head.getResponse().getContentLengthLong()).isEqualTo(PNG.length);
		assertThat(head.getResponse().getContentAsByteArray()).isEmpty();
	}

	@Test
	void nothingElseOfTheContentFolderIsServed() {
		String png = TestContent.fileHash(PNG);
		for (String address : new String[] { "/files/" + png + "/other.png", "/files/0000000000/flow.png",
				"/files/" + TestContent.fileHash(TestImages.png(9, 9)) + "/unused.png",
				"/files/" + TestContent.fileHash(TestImages.png(6, 6)) + "/secret.png",
				"/files/" + png + "/../../general.md", "/files/" + png + "/..%2F..%2Fsite.yml",
				"/files/" + png + "/%2e%2e/site.yml", "/files/general.md", "/files/" + png + "/general.md",
				"/general.md", "/site.yml", "/img/flow.png", "/content/img/flow.png", "/.hidden/secret.png",
				"/img/unused.png", "/files/img/flow.png" }) {
			MvcTestResult result = mvc.get().uri(address).exchange();
			assertThat(result.getResponse().getStatus()).as(address).isIn(400, 404);
			assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.ISO_8859_1))
				.as(address)
				.doesNotContain(new String(PNG, StandardCharsets.ISO_8859_1))
				.doesNotContain("title: Files FAQ")
				.doesNotContain("## How does it flow?");
		}
	}

	@Test
	void aFileChangedOnDiskIsNotServedUnderItsOldAddressBeforeTheContentIsReloaded() {
		content.file("img/edited.png", TestImages.png(70, 70));
		assertThat(mvc.get().uri("/files/" + TestContent.fileHash(TestImages.png(7, 7)) + "/edited.png"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aReloadServesAChangedImageAtANewAddressAndNoLongerTheOldOne() {
		String before = "/files/" + TestContent.fileHash(TestImages.png(5, 5)) + "/changes.png";
		assertThat(mvc.get().uri(before)).hasStatusOk();
		content.file("img/changes.png", TestImages.png(15, 5));
		store.reload();
		String after = "/files/" + TestContent.fileHash(TestImages.png(15, 5)) + "/changes.png";
		assertThat(mvc.get().uri("/faq/general/changes")).bodyText()
			.contains("src=\"" + after + "\" alt=\"Before\" width=\"15\"");
		assertThat(mvc.get().uri(after)).hasStatusOk();
		assertThat(mvc.get().uri(before)).hasStatus(HttpStatus.NOT_FOUND);
	}

}
