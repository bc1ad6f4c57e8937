package dev.faqkb.site;

import dev.faqkb.content.Question;

/**
 * Told each time an answer's own page is served, from the page cache or rendered
 * ({@code feedback} counts the views). A typed call rather than an event: it runs on
 * every page view, so it must cost no more than a counter.
 */
public interface AnswerViews {

	/**
	 * @param userAgent the request's {@code User-Agent}, or {@code null}; crawlers are
	 * not counted
	 */
	void viewed(Question question, String userAgent);

}
