package dev.faqkb.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds a feature's part to the error page, so that {@code system} answers every error
 * without knowing the features. The page template ({@code error/problem}) reads
 * {@code site} (required by the layout), and shows {@code nearest} (questions the reader
 * may have meant) and {@code back} (an address to go back to) when given. Not called for
 * JSON replies.
 */
@FunctionalInterface
public interface ErrorPageContributor {

	/**
	 * @param cause the exception being answered, or {@code null} when there is none (a
	 * status the container reports, a direct visit of {@code /error})
	 */
	void contribute(HttpServletRequest request, Problem problem, Throwable cause, Map<String, Object> model);

}
