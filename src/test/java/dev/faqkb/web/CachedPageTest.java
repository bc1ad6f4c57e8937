package dev.faqkb.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one made page is written: which coding, which tag, and when a 304 says it is
 * unchanged.
 */
class CachedPageTest {

	private static final byte[] BODY = "<p>An answer</p>".repeat(100).getBytes(StandardCharsets.UTF_8);

	private final CachedPage page = CachedPage.of(BODY, PageRenderer.HTML, CachedPage.REVALIDATE);

	@Test
	void gzipIsSentToThoseWhoTakeItAndNotToThoseWhoRefuseIt() {
		assertThat(CachedPage.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
		assertThat(CachedPage.acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).isTrue();
		assertThat(CachedPage.acceptsGzip("*")).isTrue();
		assertThat(CachedPage.acceptsGzip("gzip;q=0, *;q=1")).isFalse();
		assertThat(CachedPage.acceptsGzip("br, *;q=0")).isFalse();
		assertThat(CachedPage.acceptsGzip("identity")).isFalse();
		assertThat(CachedPage.acceptsGzip(null)).isFalse();
	}

	@Test
	void eitherCodingsTagNamesThePageWeaklyOrInAList() {
		assertThat(page.matches(page.etag())).isTrue();
		assertThat(page.matches(page.gzipEtag())).isTrue();
		assertThat(page.matches("W/" + page.etag())).isTrue();
		assertThat(page.matches("\"other\", " + page.gzipEtag())).isTrue();
		assertThat(page.matches("*")).isTrue();
		assertThat(page.matches("\"other\"")).isFalse();
		assertThat(page.matches(null)).isFalse();
	}

	@Test
	void theTagComesFromTheContentSoTheSameBytesHaveTheSameTag() {
		CachedPage again = CachedPage.of(BODY.clone(), PageRenderer.HTML, CachedPage.REVALIDATE);
		CachedPage other = CachedPage.of("<p>Another answer</p>".getBytes(StandardCharsets.UTF_8), PageRenderer.HTML,
				CachedPage.REVALIDATE);

		assertThat(again.etag()).isEqualTo(page.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
		assertThat(other.etag()).isNotEqualTo(page.etag());
		assertThat(page.gzipEtag()).isNotEqualTo(page.etag());
	}

	@Test
	void aPageWrittenAPieceAtATimeIsThePageOfItsWholeBytes() throws IOException {
		CachedPage.Body body = new CachedPage.Body(64);
		for (int at = 0; at < BODY.length; at += 100) {
			body.write(BODY, at, Math.min(100, BODY.length - at));
		}
		CachedPage written = body.page(PageRenderer.HTML, CachedPage.REVALIDATE);

		assertThat(written.etag()).isEqualTo(page.etag());
		assertThat(written.gzipEtag()).isEqualTo(page.gzipEtag());
		assertThat(written.length()).isEqualTo(BODY.length);
		assertThat(gunzip(written.gzip())).isEqualTo(BODY);
	}

	@Test
	void theGzippedBodyIsThePageAndTheOtherCodingIsTheSameBytesAsMade() throws IOException {
		MockHttpServletResponse gzipped = write("GET", "gzip", null);
		MockHttpServletResponse plain = write("GET", null, null);

		assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gzipped.getContentLength()).isEqualTo(gzipped.getContentAsByteArray().length)
			.isLessThan(BODY.length / 5);
		assertThat(gunzip(gzipped.getContentAsByteArray())).isEqualTo(BODY);
		assertThat(plain.getHeader("Content-Encoding")).isNull();
		assertThat(plain.getContentAsByteArray()).isEqualTo(BODY);
		assertThat(plain.getContentLength()).isEqualTo(BODY.length);
	}

	@Test
	void headGetsTheHeadersWithoutTheBodyAndAKnownTagGets304() throws IOException {
		MockHttpServletResponse head = write("HEAD", "gzip", null);
		MockHttpServletResponse unchanged = write("GET", "gzip", page.gzipEtag());

		assertThat(head.getContentLength()).isEqualTo(page.gzip().length);
		assertThat(head.getContentAsByteArray()).isEmpty();
		assertThat(unchanged.getStatus()).isEqualTo(304);
		assertThat(unchanged.getContentAsByteArray()).isEmpty();
		assertThat(unchanged.getHeader("ETag")).isEqualTo(page.gzipEtag());
		assertThat(unchanged.getHeader("Vary")).isEqualTo("Accept-Encoding");
	}

	private MockHttpServletResponse write(String method, String acceptEncoding, String ifNoneMatch) throws IOException {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/faq/help/export");
		if (acceptEncoding != null) {
			request.addHeader("Accept-Encoding", acceptEncoding);
		}
		if (ifNoneMatch != null) {
			request.addHeader("If-None-Match", ifNoneMatch);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		page.write(request, response);
		return response;
	}

	static byte[] gunzip(byte[] gzip) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return in.readAllBytes();
		}
	}

}
