package dev.faqkb.system;

import java.util.List;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class ErrorAdviceTest {

	// JSON replies and page models need neither a view resolver nor a JSON mapper;
	// write() does.
	private final ErrorAdvice advice = new ErrorAdvice(new ErrorReplies(List.of(), null, null, null),
			new StaticListableBeanFactory().getBeanProvider(Storage.class));

	@Test
	void aDatabaseFailureIsA503WithRetryAfterNotA500() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		Object reply = advice.databaseFailed(new DataAccessResourceFailureException("connection refused"),
				new MockHttpServletRequest("GET", "/api/admin/insights"), response);

		assertThat(response.getHeader("Retry-After")).isEqualTo("60");
		assertThat(reply).isInstanceOfSatisfying(ResponseEntity.class, entity -> {
			assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(entity.getBody()).isEqualTo(Map.of("error", ServiceUnavailableException.DATABASE_UNAVAILABLE));
		});
	}

	@Test
	void anUnexpectedFailureIsA500ThatDoesNotShowItsExceptionMessage() throws Exception {
		Object reply = advice.other(new IllegalStateException("connection to db.internal:5432 refused"),
				new MockHttpServletRequest("GET", "/api/search"), new MockHttpServletResponse());

		assertThat(reply).isInstanceOfSatisfying(ResponseEntity.class, entity -> {
			assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(entity.getBody())
				.isEqualTo(Map.of("error", "The page could not be shown. Please try again in a moment."));
		});
	}

	@Test
	void aStatusSpringGivesAnExceptionIsKeptOnThePage() throws Exception {
		Object reply = advice.other(new ResponseStatusException(HttpStatus.CONFLICT),
				new MockHttpServletRequest("GET", "/faq/help"), new MockHttpServletResponse());

		assertThat(reply).isInstanceOfSatisfying(ModelAndView.class, page -> {
			assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(page.getViewName()).isEqualTo("error/problem");
			assertThat(page.getModel().get("problem")).isEqualTo(Problem.of(HttpStatus.CONFLICT));
		});
	}

	@Test
	void aQueryStringTheContainerCannotDecodeIsABadRequestThatSaysSo() {
		Object reply = advice.unreadableParameter(new InvalidParameterException("Character decoding failed"),
				new MockHttpServletRequest("GET", "/api/search"), new MockHttpServletResponse());

		assertThat(reply).isInstanceOfSatisfying(ResponseEntity.class, entity -> {
			assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(entity.getBody()).isEqualTo(Map.of("error",
					"The address could not be read: it has a stray '%' or characters that are not UTF-8."));
		});
	}

	@Test
	void aFormTooLargeForTheContainerToParseIsA413ThatSaysSoNotAnUnreadableAddress() {
		Object reply = advice.unreadableParameter(new InvalidParameterException("Post too large", 413),
				new MockHttpServletRequest("POST", "/api/anything"), new MockHttpServletResponse());

		assertThat(reply).isInstanceOfSatisfying(ResponseEntity.class, entity -> {
			assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
			assertThat(entity.getBody()).isEqualTo(Map.of("error",
					"What was sent is too large: this address takes at most 16 KB, so none of it was read. Please send less."));
		});
	}

	@Test
	void aFailureAfterThePageWasSentIsLeftToTheContainer() {
		MockHttpServletResponse committed = new MockHttpServletResponse();
		committed.setCommitted(true);
		IllegalStateException failure = new IllegalStateException("client went away");

		assertThatException().isThrownBy(() -> advice.other(failure, new MockHttpServletRequest(), committed))
			.isSameAs(failure);
	}

}
