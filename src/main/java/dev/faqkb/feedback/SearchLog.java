package dev.faqkb.feedback;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.faqkb.search.QueryBudget;
import dev.faqkb.system.PlainText;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/**
 * What was searched on the results page and which result was opened. Stores the
 * normalized query and counts only: no address, cookie or user agent. A search's id is
 * known before the search is written ({@link #nextId()}), so that its page can link
 * results to it while the search waits to be written in a batch ({@link SearchLogQueue}).
 * Thread-safe.
 */
@Repository
public class SearchLog {

	/**
	 * As long as a search may be (the search box, the API, the slash command and MCP
	 * refuse longer ones); masking an e-mail address or lower-casing can make a query
	 * longer than it was typed, so the normalized one is cut.
	 */
	static final int MAX_QUERY = QueryBudget.DEFAULT.maxChars();

	/** Ids handed out per value of the database's sequence {@value #ID_BLOCKS}. */
	static final int BLOCK = 1024;

	private static final String ID_BLOCKS = "search_log_id_block";

	private static final Pattern SPACE = Pattern.compile("\\s+");

	// A word (from a space to a space) is an e-mail address when it has an @, not first,
	// and a dot at least two
	// characters later, not last. Found as words and checked without a regular expression
	// that backtracks: the one
	// before, \S+@\S+\.\S+, read each character of "@@@@..." hundreds of times over.
	private static final Pattern WORD = Pattern.compile("(?<!\\S)\\S+");

	// Phone, card and account numbers people paste into a search box are personal data;
	// the digits are not needed.
	private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d -]{5,}\\d");

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final DataSource dataSource;

	// Chosen on first use, when the database can be asked what it is (it may be down at
	// startup, see Storage).
	private DataFieldMaxValueIncrementer blocks;

	private long nextId;

	private long blockEnd;

	public SearchLog(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.batches = new JdbcTemplate(dataSource);
	}

	/**
	 * Lower case, single spaces, no control characters, e-mail addresses and long numbers
	 * masked, so that "Reset Password" and "reset password" are one row in the reports
	 * and the log holds no contact details.
	 */
	public static String normalize(String query) {
		String text = SPACE.matcher(PlainText.withoutControlCharacters(query).strip())
			.replaceAll(" ")
			.toLowerCase(Locale.ROOT);
		text = maskEmails(text);
		text = LONG_NUMBER.matcher(text).replaceAll("[number]");
		// never half a surrogate pair, which would be stored as a broken character
		// (PostgreSQL's driver writes "?")
		return QueryBudget.DEFAULT.cut(text);
	}

	static String maskEmails(CharSequence text) {
		return WORD.matcher(text)
			.replaceAll(word -> isEmail(word.group()) ? "[email]" : Matcher.quoteReplacement(word.group()));
	}

	private static boolean isEmail(String word) {
		int at = word.indexOf('@', 1);
		return at > 0 && word.lastIndexOf('.', word.length() - 2) >= at + 2;
	}

	/**
	 * A new search id, unique among all instances that share the database: the next of a
	 * block of {@link #BLOCK} ids that this instance took from the database's sequence,
	 * so one query per block.
	 * @throws org.springframework.dao.DataAccessException when a new block is needed and
	 * the database cannot be used
	 */
	public synchronized long nextId() {
		if (nextId == blockEnd) {
			long block = blocks().nextLongValue();
			nextId = block * BLOCK;
			blockEnd = nextId + BLOCK;
		}
		return nextId++;
	}

	private DataFieldMaxValueIncrementer blocks() {
		if (blocks == null) {
			String product;
			try {
				product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			}
			catch (MetaDataAccessException ex) {
				throw new DataAccessResourceFailureException("Cannot tell which database this is", ex);
			}
			blocks = "PostgreSQL".equals(product) ? new PostgresSequenceMaxValueIncrementer(dataSource, ID_BLOCKS)
					: new H2SequenceMaxValueIncrementer(dataSource, ID_BLOCKS);
		}
		return blocks;
	}

	/** Writes one search now; returns its id, the one result links carry. */
	public long record(String normalizedQuery, long resultCount, Instant at) {
		long id = nextId();
		recordAll(List.of(new Search(id, normalizedQuery, resultCount, at)));
		return id;
	}

	/** Writes searches whose ids came from {@link #nextId()}, in one batch. */
	void recordAll(List<Search> searches) {
		batches.batchUpdate("""
				INSERT INTO search_log (id, query_text, result_count, searched_on, searched_at, language)
				VALUES (?, ?, ?, ?, ?, ?)""", searches, searches.size(), (statement, search) -> {
			statement.setLong(1, search.id());
			statement.setString(2, search.normalizedQuery());
			statement.setInt(3, (int) Math.min(search.resultCount(), Integer.MAX_VALUE));
			statement.setObject(4, LocalDate.ofInstant(search.at(), ZoneOffset.UTC));
			statement.setObject(5, search.at().atOffset(ZoneOffset.UTC));
			statement.setString(6, search.language());
		});
	}

	/**
	 * Records that a result of search {@code searchId} was opened; unknown ids and
	 * repeats are ignored.
	 */
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

	/**
	 * A search as it is written: its query already normalized
	 * ({@link #normalize(String)}).
	 *
	 * @param language the translation searched ({@code fr}), {@code null} for the default
	 * language
	 */
	record Search(long id, String normalizedQuery, long resultCount, Instant at, String language) {

		/** A search in the default language. */
		Search(long id, String normalizedQuery, long resultCount, Instant at) {
			this(id, normalizedQuery, resultCount, at, null);
		}

	}

}
