package dev.faqkb.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token-free CSRF protection: what the browser says about where a request comes from
 * decides, for any form on any address (votes today, other forms tomorrow).
 */
class CrossOriginProtectionTest {

	private static MockHttpServletRequest post(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setServerName("faq.example.com");
		request.setServerPort(443);
		request.setScheme("https");
		request.addHeader("Host", "faq.example.com");
		request.addHeader("Accept", "application/json");
		return request;
	}

	private static boolean passes(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		new CrossOriginProtection(new ErrorReplies(List.of(), null, JsonMapper.shared(), null), List.of("/mcp"))
			.doFilter(request, response, chain);
		if (chain.getRequest() == null) {
			assertThat(response.getStatus()).isEqualTo(403);
			assertThat(response.getContentAsString()).contains("This form was sent from another site");
		}
		return chain.getRequest() != null;
	}

	@Test
	void aPostTheBrowserMarksAsFromThisSiteOrTypedPasses() throws Exception {
		MockHttpServletRequest sameOrigin = post("/faq/help/export/feedback");
		sameOrigin.addHeader("Sec-Fetch-Site", "same-origin");
		MockHttpServletRequest typed = post("/faq/help/export/feedback");
		typed.addHeader("Sec-Fetch-Site", "none");

		assertThat(passes(sameOrigin)).isTrue();
		assertThat(passes(typed)).isTrue();
	}

	@Test
	void aPostFromAnotherSiteOrASiblingSubdomainIsRefusedWhateverItsOrigin() throws Exception {
		MockHttpServletRequest crossSite = post("/faq/help/export/feedback");
		crossSite.addHeader("Sec-Fetch-Site", "cross-site");
		crossSite.addHeader("Origin", "https://faq.example.com"); // a forged Origin
																	// cannot outvote the
																	// browser
		MockHttpServletRequest sameSite = post("/ask");
		sameSite.addHeader("Sec-Fetch-Site", "same-site");

		assertThat(passes(crossSite)).isFalse();
		assertThat(passes(sameSite)).isFalse();
	}

	@Test
	void withoutSecFetchSiteTheOriginMustBeThisHost() throws Exception {
		MockHttpServletRequest ours = post("/faq/help/export/feedback");
		ours.addHeader("Origin", "https://faq.example.com");
		MockHttpServletRequest theirs = post("/faq/help/export/feedback");
		theirs.addHeader("Origin", "https://evil.example");
		MockHttpServletRequest otherPort = post("/faq/help/export/feedback");
		otherPort.addHeader("Origin", "https://faq.example.com:8443");
		MockHttpServletRequest opaque = post("/faq/help/export/feedback");
		opaque.addHeader("Origin", "null");

		assertThat(passes(ours)).isTrue();
		assertThat(passes(theirs)).isFalse();
		assertThat(passes(otherPort)).isFalse();
		assertThat(passes(opaque)).isFalse();
	}

	@Test
	void aRequestWithNeitherHeaderIsNotFromABrowserAndPasses() throws Exception {
		assertThat(passes(post("/integrations/slash"))).isTrue();
	}

	@Test
	void anAddressThatOtherServersCallIsNotChecked() throws Exception {
		MockHttpServletRequest assistant = post("/mcp");
		assistant.addHeader("Sec-Fetch-Site", "cross-site");
		assistant.addHeader("Origin", "https://assistant.example");
		MockHttpServletRequest below = post("/mcp/other");
		below.addHeader("Origin", "https://assistant.example");

		assertThat(passes(assistant)).isTrue();
		assertThat(passes(below)).as("only the address itself").isFalse();
	}

	@Test
	void readingIsNeverRefused() throws Exception {
		for (String method : List.of("GET", "HEAD", "OPTIONS")) {
			MockHttpServletRequest request = post("/faq/help/export");
			request.setMethod(method);
			request.addHeader("Sec-Fetch-Site", "cross-site");
			assertThat(passes(request)).as(method).isTrue();
		}
	}

	@Test
	void everyMethodThatChangesSomethingIsChecked() throws Exception {
		for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
			MockHttpServletRequest request = post("/anything");
			request.setMethod(method);
			request.addHeader("Origin", "https://evil.example");
			assertThat(passes(request)).as(method).isFalse();
		}
	}

}
