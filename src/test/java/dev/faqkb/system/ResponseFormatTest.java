package dev.faqkb.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.RequestDispatcher;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFormatTest {

	@Test
	void aClientGetsJsonWhenItNamesJsonBeforeHtml() {
		assertThat(ResponseFormat.asksForJson("application/json")).isTrue();
		assertThat(ResponseFormat.asksForJson("application/json, text/plain, */*")).isTrue();
		assertThat(ResponseFormat.asksForJson("text/html;q=0.5, application/json")).isTrue();
		assertThat(ResponseFormat.asksForJson("application/problem+json")).isTrue();
	}

	@Test
	void browsersAndClientsThatDoNotNameJsonFirstGetAPage() {
		assertThat(ResponseFormat
			.asksForJson("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"))
			.isFalse();
		assertThat(ResponseFormat.asksForJson("text/html, application/json")).isFalse();
		assertThat(ResponseFormat.asksForJson("application/json;q=0, text/plain")).isFalse();
		assertThat(ResponseFormat.asksForJson("*/*")).isFalse();
		assertThat(ResponseFormat.asksForJson("")).isFalse();
		assertThat(ResponseFormat.asksForJson(null)).isFalse();
		assertThat(ResponseFormat.asksForJson("not a media type;;")).isFalse();
	}

	@Test
	void everythingUnderApiIsJsonWhateverTheClientAccepts() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/search");
		request.addHeader("Accept", "text/html");
		assertThat(ResponseFormat.json(request)).isTrue();
		assertThat(ResponseFormat.json(new MockHttpServletRequest("GET", "/apiary"))).isFalse();
	}

	@Test
	void theAddressesOtherServersCallAreJsonWhateverTheyAccept() {
		for (String address : new String[] { "/integrations/slash", "/mcp" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", address);
			request.addHeader("Accept", "*/*");
			assertThat(ResponseFormat.json(request)).as(address).isTrue();
		}
		assertThat(ResponseFormat.json(new MockHttpServletRequest("GET", "/mcpx"))).isFalse();
	}

	@Test
	void anErrorPageAnswersInTheFormatOfTheAddressFirstAskedFor() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/admin/insights");
		assertThat(ResponseFormat.json(request)).isTrue();
	}

}
