package dev.faqkb.system;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The container's error page ({@code /error}), for errors that happen outside Spring MVC:
 * a status sent by a filter (HTTP Basic's 401), an exception no handler caught. Replaces
 * Boot's whitelabel page with the same replies as {@link ErrorAdvice}.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final ErrorReplies replies;

	ErrorPageController(ErrorReplies replies) {
		this.replies = replies;
	}

	@RequestMapping("${spring.web.error.path:${error.path:/error}}")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
			// Asked for by its address, not forwarded to by the container: there is no
			// page here.
			return replies.reply(request, response, Problem.of(HttpStatus.NOT_FOUND), null);
		}
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return replies.reply(request, response, Problem.of(status),
				(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
	}

}
