package dev.faqkb.search.semantic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When a row of the embedding cache counts as used and when it is deleted. Every instance
 * marks the rows of the content it serves as used (after each preparation and once a
 * day), but a mark writes a row's date only when it is older than the row's weekly
 * refresh day, a weekday chosen by its key. So a row in use is written once a week, and a
 * seventh of the rows on each day rather than all of them together: every write of a row
 * leaves PostgreSQL a dead version of it until a vacuum, so daily writes of every row
 * would bloat the table and its WAL (figures: bench/README.md, "The embedding cache's
 * upkeep"). The date of a row in use is thus never more than {@code REFRESH_DAYS - 1}
 * days old, and a row dated more than {@code UNUSED_DAYS + REFRESH_DAYS - 1} days back
 * has not been used by any instance for {@link #UNUSED_DAYS} days.
 */
final class UseDays {

	/**
	 * Rows no instance has used for this many days are deleted. A month: long enough for
	 * any rolling deploy, and for a content change rolled back within it to find its
	 * vectors again; short enough that edits leave at most about five weeks' worth of old
	 * texts.
	 */
	static final int UNUSED_DAYS = 30;

	/** A used row's date is written once per this many days. */
	static final int REFRESH_DAYS = 7;

	private UseDays() {
	}

	/**
	 * The weekday (0 to 6, by the key) on which a row's date is refreshed; the same on
	 * every instance, since Java fixes how a string hashes.
	 */
	static int weekday(String key) {
		return Math.floorMod(key.hashCode(), REFRESH_DAYS);
	}

	/** The key's last refresh day: today or one of the 6 days before. */
	static LocalDate lastRefresh(String key, LocalDate today) {
		return today.minusDays(Math.floorMod(today.toEpochDay() - weekday(key), REFRESH_DAYS));
	}

	/** Whether a row used today, dated {@code usedOn}, must have its date written. */
	static boolean due(String key, LocalDate usedOn, LocalDate today) {
		return usedOn.isBefore(lastRefresh(key, today));
	}

	/** Rows dated before this day have not been used for {@link #UNUSED_DAYS} days. */
	static LocalDate unusedBefore(LocalDate today) {
		return today.minusDays(UNUSED_DAYS + REFRESH_DAYS - 1);
	}

	/**
	 * The keys by their last refresh day: one update per day writes those dated before
	 * it.
	 */
	static Map<LocalDate, List<String>> byLastRefresh(Collection<String> keys, LocalDate today) {
		Map<LocalDate, List<String>> byDay = new TreeMap<>();
		for (String key : keys) {
			byDay.computeIfAbsent(lastRefresh(key, today), day -> new ArrayList<>()).add(key);
		}
		return byDay;
	}

}
