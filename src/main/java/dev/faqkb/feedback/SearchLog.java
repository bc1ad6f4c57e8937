package dev.faqkb.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.system.PlainText;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What was searched on the results page and which result was opened. Stores the normalized query and counts
 * only: no address, cookie or user agent.
 */
@Repository
public class SearchLog {

	static final int MAX_QUERY = 256;

	private static final Pattern SPACE = Pattern.compile("\\s+");

	// A word (from a space to a space) is an e-mail address when it has an @, not first, and a dot at least two
	// characters later, not last. Found as words and checked without a regular expression that backtracks: the one
	// before, \S+@\S+\.\S+, read each character of "@@@@..." hundreds of times over.
	private static final Pattern WORD = Pattern.compile("(?<!\\S)\\S+");

	// Phone, card and account numbers people paste into a search box are personal data; the digits are not needed.
	private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d -]{5,}\\d");

	private final JdbcClient jdbc;

	public SearchLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Lower case, single spaces, no control characters, e-mail addresses and long numbers masked, so that
	 * "Reset  Password" and "reset password" are one row in the reports and the log holds no contact details.
	 */
	public static String normalize(String query) {
		String text = SPACE.matcher(PlainText.withoutControlCharacters(query).strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
		text = maskEmails(text);
		text = LONG_NUMBER.matcher(text).replaceAll("[number]");
		return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
	}

	static String maskEmails(CharSequence text) {
		return WORD.matcher(text)
			.replaceAll(word -> isEmail(word.group()) ? "[email]" : Matcher.quoteReplacement(word.group()));
	}

	private static boolean isEmail(String word) {
		int at = word.indexOf('@', 1);
		return at > 0 && word.lastIndexOf('.', word.length() - 2) >= at + 2;
	}

	/** @return the id that result links carry, so that opening one can be recorded */
	public long record(String normalizedQuery, long resultCount, Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO search_log (query_text, result_count, searched_on, searched_at)
				VALUES (:query, :count, :day, :at)""")
			.param("query", normalizedQuery)
			.param("count", (int) Math.min(resultCount, Integer.MAX_VALUE))
			.param("day", LocalDate.ofInstant(at, ZoneOffset.UTC))
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Records that a result of search {@code searchId} was opened; unknown ids and repeats are ignored. */
	public void opened(long searchId, String category, String questionId, Instant at) {
		try {
			jdbc.sql("""
					INSERT INTO search_click (search_id, category, question_id, clicked_at)
					VALUES (:search, :category, :question, :at)""")
				.param("search", searchId)
				.param("category", category)
				.param("question", questionId)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DataIntegrityViolationException repeatOrUnknownSearch) {
			// A reload of the answer, or an id that was never logged: nothing to count.
		}
	}

}
