package dev.faqkb.system;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import jakarta.servlet.RequestDispatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error, wherever it happens (a handler, Spring Security, the container), answers
 * by one rule: JSON {@code {"error": "..."}} under {@code /api/} or when the client asks
 * for JSON, otherwise the site's error page titled after what went wrong.
 */
@FaqkbWebTest(properties = "faqkb.feedback.rate-limit=2")
class ErrorPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void unknownPageIsAPageTitledNotFoundWithTheSiteAroundIt() {
		assertThat(mvc.get().uri("/faq/nowhere").accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.bodyText()
			.contains("<title>Not found · Test FAQ</title>")
			.contains("<h1>We could not find that page</h1>")
			.contains("There is no category at this address.")
			.contains("role=\"search\"");
	}

	@Test
	void unknownPageIsJsonWhenTheClientAsksForJson() {
		assertThat(mvc.get().uri("/faq/help/nothing-here").accept(MediaType.APPLICATION_JSON))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo(
					"There is no answer at this address. The link may be mistyped, or the question reworded or removed.");
	}

	@Test
	void unknownAddressUnderApiIsJsonEvenWhenAPageIsAskedFor() {
		assertThat(mvc.get().uri("/api/nothing").accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("There is no page at this address.");
	}

	@Test
	void badRequestPageIsTitledBadRequest() {
		assertThat(mvc.post().uri("/faq/help/export/feedback").param("helpful", "maybe"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("<title>Bad request · Test FAQ</title>")
			.contains("<h1>We could not handle that request</h1>")
			.contains("helpful must be &#39;yes&#39; or &#39;no&#39;");
	}

	@Test
	void tooManyVotesGetAPageTitledTooManyRequestsWithRetryAfter() {
		RequestPostProcessor oneClient = request -> {
			request.setRemoteAddr("192.0.2.29");
			return request;
		};
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.post().uri("/faq/help/export/feedback").param("helpful", "yes").with(oneClient))
				.hasStatusOk();
		}

		assertThat(mvc.post().uri("/faq/help/export/feedback").param("helpful", "yes").with(oneClient))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.hasHeader("Retry-After", "60")
			.bodyText()
			.contains("<title>Too many requests · Test FAQ</title>")
			.contains("<h1>Too many requests</h1>")
			.contains("Too many votes from your network in a short time. Please try again in a minute.")
			.contains("<a href=\"/faq/help/export\">Back to the page</a>")
			.doesNotContain("Bad request");
	}

	@Test
	void aFormPostedFromAnotherSiteGetsAForbiddenPageLinkingBackToTheAnswer() {
		assertThat(mvc.post()
			.uri("/faq/billing/cards/feedback")
			.param("helpful", "yes")
			.header("Sec-Fetch-Site", "cross-site")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("<title>Forbidden · Test FAQ</title>")
			.contains("<h1>Sent from another site</h1>")
			.contains("This form was sent from another site, so it was not accepted.")
			.contains("<a href=\"/faq/billing/cards\">Back to the page</a>")
			.contains("role=\"search\"");
	}

	@Test
	void anAddressAskedForWithAMethodItDoesNotTakeIs405WithAllow() {
		assertThat(mvc.get().uri("/faq/help/export/feedback")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
			.hasHeader("Allow", "POST")
			.bodyText()
			.contains("<title>Method not allowed · Test FAQ</title>")
			.contains("This address does not take that kind of request.");
	}

	@Test
	void theErrorAddressAskedForDirectlyIsA404NeverA500() {
		assertThat(mvc.get().uri("/error")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("<title>Not found · Test FAQ</title>")
			.contains("There is no page at this address.");
		assertThat(mvc.get().uri("/error").accept(MediaType.APPLICATION_JSON)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("There is no page at this address.");
	}

	@Test
	void anErrorTheContainerReportsGetsTheSamePageOrJsonForTheAddressFirstAskedFor() {
		assertThat(mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/faq/help")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyText()
			.contains("<title>Server error · Test FAQ</title>")
			.contains("<h1>Something went wrong on our side</h1>")
			.contains("The page could not be shown. Please try again in a moment.");
		assertThat(mvc.get()
			.uri("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 401)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/admin/insights")).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("Please sign in to see this page.");
	}

}
