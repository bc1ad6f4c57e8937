package dev.faqkb.system;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every exception a handler throws becomes a {@link Problem}, answered by
 * {@link ErrorReplies}: refusals ({@link RefusedException}) with their status, message
 * and headers, Spring MVC's with their status, anything else as a logged 500.
 */
@ControllerAdvice
@Import(ErrorReplies.class)
class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	static final String UNREADABLE_PARAMETER = "The address could not be read: it has a stray '%' or characters "
			+ "that are not UTF-8.";

	private final ErrorReplies replies;

	// Absent in web slice tests, which have no database.
	private final ObjectProvider<Storage> storage;

	ErrorAdvice(ErrorReplies replies, ObjectProvider<Storage> storage) {
		this.replies = replies;
		this.storage = storage;
	}

	/**
	 * Refusals of handlers and features ({@link BadRequestException},
	 * {@link NotFoundException}, ...).
	 */
	@ExceptionHandler(RefusedException.class)
	Object refused(RefusedException ex, HttpServletRequest request, HttpServletResponse response) {
		return replies.reply(request, response, ex.problem(), ex);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return replies.reply(request, response, Problem.of(HttpStatus.NOT_FOUND), ex);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	Object badParameter(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		String message = ex instanceof MethodArgumentTypeMismatchException mismatch
				? "'" + mismatch.getName() + "' has an invalid value" : ex.getMessage();
		return replies.reply(request, response, Problem.of(HttpStatus.BAD_REQUEST, message), ex);
	}

	/**
	 * Tomcat refuses parameters it cannot decode (a stray {@code %}, bytes that are not
	 * UTF-8) when they are first read, and a form sent without a length that is larger
	 * than it parses ({@link BodyLimits.DEFAULT_MAX_BYTES}): a 400 or a 413, which Tomcat
	 * would answer itself, not a failure of ours.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	Object unreadableParameter(InvalidParameterException ex, HttpServletRequest request, HttpServletResponse response) {
		Problem problem = ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
				? new ContentTooLargeException(BodyLimits.DEFAULT_MAX_BYTES).problem()
				: Problem.of(HttpStatus.BAD_REQUEST, UNREADABLE_PARAMETER);
		return replies.reply(request, response, problem, ex);
	}

	/**
	 * The database failed where no feature said what it means for the reader: a 503,
	 * never a 500.
	 */
	@ExceptionHandler(DataAccessException.class)
	Object databaseFailed(DataAccessException ex, HttpServletRequest request, HttpServletResponse response) {
		storage.ifAvailable(known -> known.failed(ex));
		return refused(ServiceUnavailableException.databaseUnavailable(ex), request, response);
	}

	/**
	 * Spring MVC's own exceptions (405, 415, ...) keep their status and headers; anything
	 * else is a 500.
	 */
	@ExceptionHandler(Exception.class)
	Object other(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (response.isCommitted()) {
			throw ex; // too late for an error page (often the reader went away); the
						// container logs it
		}
		HttpStatus status = statusOf(ex);
		if (ex instanceof ErrorResponse known) {
			known.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		}
		if (status.is5xxServerError()) {
			log.error("{} {} failed", request.getMethod(), request.getRequestURI(), ex);
		}
		return replies.reply(request, response, Problem.of(status), ex);
	}

	private static HttpStatus statusOf(Exception ex) {
		HttpStatus status = null;
		if (ex instanceof ErrorResponse known) {
			status = HttpStatus.resolve(known.getStatusCode().value());
		}
		else {
			ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
			status = annotated != null ? annotated.code() : null;
		}
		return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
