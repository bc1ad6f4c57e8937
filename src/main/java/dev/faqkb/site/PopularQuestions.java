package dev.faqkb.site;

import java.time.Duration;
import java.util.List;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;

/**
 * The questions readers open most, for the home page. An interface so that the home page
 * does not depend on the feature that counts views ({@code feedback} implements it).
 */
public interface PopularQuestions {

	/**
	 * How old the ranking may be: it is read again at most this often, so a page that
	 * lists it may be kept as long.
	 */
	Duration FRESH = Duration.ofMinutes(1);

	/**
	 * Up to {@code limit} questions of {@code catalog}, most popular first; questions no
	 * longer served are skipped.
	 */
	List<Question> top(Catalog catalog, int limit);

	/**
	 * As {@link #top}, after waiting a few seconds at most for a stale ranking to be read
	 * again: for work in the background (making pages ahead of readers), never for a page
	 * a reader waits for.
	 */
	default List<Question> awaitTop(Catalog catalog, int limit) {
		return top(catalog, limit);
	}

	/**
	 * How long a page may show the list {@link #top} gave it: {@link #FRESH}, or less
	 * while a newer ranking is on its way, so that the page is made again soon after it
	 * comes.
	 */
	default Duration shownFor() {
		return FRESH;
	}

}
