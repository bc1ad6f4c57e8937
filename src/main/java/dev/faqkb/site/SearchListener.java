package dev.faqkb.site;

import java.util.OptionalLong;

/**
 * Told of every search a reader runs on the results page, with the slash command or
 * through the MCP server's search tool ({@code feedback} logs them, so the owner sees
 * what is asked wherever it is asked). A typed call rather than an event, because the
 * results page needs the answer: the id that its result links carry, so that opening a
 * result can be tied to the search. ({@code /api/search} is not logged: its answers are
 * kept per query.)
 */
public interface SearchListener {

	/**
	 * @return the id for result links, or empty when the search was not recorded (the
	 * page shows no id then)
	 */
	OptionalLong searched(SearchPerformed search);

}
