package dev.faqkb.web;

import java.net.URI;
import java.util.List;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search or suggestion of the API asked for the first time at a plain address is
 * answered before Spring MVC ({@link NewApiRequests}); a client sees the same reply as
 * from the controller (which answers the same parameters given as a form), and the same
 * refusals.
 */
@FaqkbWebTest
class NewApiRequestsTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aNewSearchOrSuggestionIsTheSameReplyAsTheControllersFirstTimeAndAgain() {
		List<String> addresses = List.of("/api/search?q=export", "/api/search?q=exprot%20data",
				"/api/search?q=help&limit=3&offset=1", "/api/search?q=export&category=help", "/api/search?q=",
				"/api/suggest?q=exp", "/api/suggest?q=how%20do%20I%20ex", "/api/suggest?q=");
		for (String address : addresses) {
			String path = address.substring(0, address.indexOf('?'));
			var controller = mvc.get().uri(path);
			for (String parameter : address.substring(address.indexOf('?') + 1).split("&")) {
				String[] pair = parameter.split("=", 2);
				controller = controller.param(pair[0], pair[1].replace("%20", " "));
			}
			MvcTestResult expected = controller.exchange();
			// made for the request, made again and kept, then the kept one (whatever
			// other tests of this context asked before: each time is the same reply)
			for (int time = 1; time <= 3; time++) {
				MvcTestResult result = mvc.get().uri(URI.create(address)).exchange();
				assertThat(result).as("%s, time %d", address, time).hasStatusOk();
				assertThat(result.getResponse().getContentAsByteArray()).as(address)
					.isEqualTo(expected.getResponse().getContentAsByteArray());
				for (String header : List.of("Content-Type", "Content-Language", "Cache-Control", "ETag", "Vary")) {
					assertThat(result.getResponse().getHeader(header)).as("%s of %s, time %d", header, address, time)
						.isEqualTo(expected.getResponse().getHeader(header));
				}
			}
		}
	}

	@Test
	void whatTheControllersRefuseIsStillRefusedWithTheirMessage() {
		assertThat(mvc.get().uri("/api/search?q=x&limit=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("limit must be at least 1");
		assertThat(mvc.get().uri("/api/search?q=x&offset=1001")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("offset must be between 0 and 1000");
		assertThat(mvc.get().uri("/api/suggest?q=exp&lang=xx")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("no language 'xx'");
		assertThat(mvc.get().uri("/api/suggest?q=" + "a".repeat(257))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("q is too long");
	}

}
