package dev.faqkb.site;

import java.util.OptionalLong;

/**
 * Told of every search on the results page ({@code feedback} logs them). A typed call rather than an event,
 * because the results page needs the answer: the id that its result links carry as {@code ?s=}, so that opening
 * a result can be tied to the search.
 */
public interface SearchListener {

	/** @return the id for result links, or empty when the search was not recorded (the page shows no id then) */
	OptionalLong searched(SearchPerformed search);

}
