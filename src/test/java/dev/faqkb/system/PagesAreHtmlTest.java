package dev.faqkb.system;

import java.util.List;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page is labelled as HTML whatever its address ends with: a crawler asking for a
 * missing {@code .xml} or {@code .txt} file gets the 404 page as {@code text/html}, not
 * an HTML page labelled XML or plain text.
 */
@FaqkbWebTest
class PagesAreHtmlTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aMissingFileOfAnyExtensionIsAn404PageLabelledHtml() {
		for (String uri : List.of("/missing.xml", "/missing.txt", "/faq/help.xml", "/faq/help/nothing.json",
				"/feed.rss", "/missing.css")) {
			assertThat(mvc.get().uri(uri).accept(MediaType.ALL)).as(uri)
				.hasStatus(404)
				.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
				.bodyText()
				.contains("<h1>We could not find that page</h1>");
		}
	}

}
