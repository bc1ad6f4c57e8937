package dev.faqkb.ask;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.faqkb.system.Storage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code open_question} table. Closing a question (answered or dismissed) deletes its
 * e-mail address in the same statement, and a check constraint keeps any other write from
 * storing one on a closed question. While the database cannot be used ({@link Storage}),
 * asking fails at once rather than after a connection timeout.
 */
@Repository
class OpenQuestions {

	private static final String COLUMNS = """
			id, question_text, email, search_query, asked_from, asked_at, status, answer_category, answer_id, closed_at,
			language""";

	private final JdbcClient jdbc;

	private final Storage storage;

	OpenQuestions(JdbcClient jdbc, Storage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	/**
	 * @return the new question's id
	 * @throws org.springframework.dao.DataAccessException at once while the database is
	 * known to be unusable, or when the question could not be made durable: then the
	 * reader must not be told it was received
	 */
	long ask(String question, String email, String search, String askedFrom, Instant at) {
		return ask(question, email, search, askedFrom, at, null);
	}

	/**
	 * @param language the translation it was asked in ({@code fr}), {@code null} for the
	 * default language
	 * @return the new question's id
	 */
	long ask(String question, String email, String search, String askedFrom, Instant at, String language) {
		storage.requireUsable();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO open_question (question_text, email, search_query, asked_from, asked_at, asked_on, status, language)
						VALUES (:question, :email, :search, :from, :at, :day, 'open', :language)""")
			.param("language", language)
			.param("question", question)
			.param("email", email)
			.param("search", search)
			.param("from", askedFrom)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("day", LocalDate.ofInstant(at, ZoneOffset.UTC))
			.update(key, "id");
		storage.makeDurable();
		return key.getKey().longValue();
	}

	/** The open questions, newest first, at most {@code limit}. */
	List<OpenQuestion> open(int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM open_question WHERE status = 'open' ORDER BY asked_at DESC, id DESC LIMIT " + limit)
			.query(OpenQuestions::row)
			.list();
	}

	long countOpen() {
		return jdbc.sql("SELECT COUNT(*) FROM open_question WHERE status = 'open'").query(Long.class).single();
	}

	/**
	 * Every question asked from {@code since} to {@code until} (UTC days), newest first.
	 */
	List<OpenQuestion> askedBetween(LocalDate since, LocalDate until) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM open_question WHERE asked_on BETWEEN :since AND :until ORDER BY asked_at DESC, id DESC")
			.param("since", since)
			.param("until", until)
			.query(OpenQuestions::row)
			.list();
	}

	/**
	 * Marks an open question answered by the question {@code category/id}; {@code false}
	 * when it is not open.
	 */
	boolean answered(long id, String category, String answerId, Instant at) {
		return jdbc
			.sql("""
					UPDATE open_question SET status = 'answered', email = NULL, answer_category = :category, answer_id = :answer,
					       closed_at = :at
					WHERE id = :id AND status = 'open'""")
			.param("category", category)
			.param("answer", answerId)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("id", id)
			.update() == 1;
	}

	/** Dismisses an open question; {@code false} when it is not open. */
	boolean dismissed(long id, Instant at) {
		return jdbc.sql(
				"UPDATE open_question SET status = 'dismissed', email = NULL, closed_at = :at WHERE id = :id AND status = 'open'")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("id", id)
			.update() == 1;
	}

	private static OpenQuestion row(ResultSet rs, int row) throws SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new OpenQuestion(rs.getLong("id"), rs.getString("question_text"), rs.getString("email"),
				rs.getString("search_query"), rs.getString("asked_from"),
				rs.getObject("asked_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
				rs.getString("answer_category"), rs.getString("answer_id"), closed == null ? null : closed.toInstant(),
				rs.getString("language"));
	}

	/**
	 * One question a reader sent.
	 *
	 * @param email the reader's address for the reply, or {@code null}; always
	 * {@code null} once closed
	 * @param search the search that led to it, or {@code null}
	 * @param askedFrom the category page it was asked on, or {@code null}
	 * @param status {@code open}, {@code answered} or {@code dismissed}
	 * @param language the translation it was asked in ({@code fr}), {@code null} for the
	 * default language
	 */
	record OpenQuestion(long id, String question, String email, String search, String askedFrom, Instant askedAt,
			String status, String answerCategory, String answerId, Instant closedAt, String language) {

		/** The address of its search, in the language it was asked in. */
		public String searchPath() {
			return (language == null ? "" : "/" + language) + "/search";
		}

		private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneOffset.UTC);

		/** When it was asked, to the minute, in UTC like the rest of the insights. */
		public String askedAtText() {
			return MINUTE.format(askedAt);
		}

		/**
		 * The answer it was marked answered by, as {@code category/id}, or {@code null}.
		 */
		public String answeredBy() {
			return answerId == null ? null : answerCategory + "/" + answerId;
		}

	}

}
