package dev.faqkb.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.faqkb.system.Storage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores votes. Each statement commits on its own (auto-commit) and
 * {@link Storage#makeDurable()} puts it on disk before the reader is told it was counted.
 * While the database cannot be used, a vote fails at once (and the reader gets a 503).
 */
@Repository
public class Votes {

	private final JdbcClient jdbc;

	private final Storage storage;

	public Votes(JdbcClient jdbc, Storage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	/**
	 * Records a vote.
	 * @return {@code true} when it is this reader's first vote on this answer today;
	 * otherwise the earlier vote is changed to this one (and keeps its comment unless a
	 * new one is given) and still counts once
	 */
	public boolean record(Vote vote) {
		storage.requireUsable();
		try {
			jdbc.sql("""
					INSERT INTO vote (category, question_id, voted_on, reader_hash, helpful, comment_text, created_at)
					VALUES (:category, :question, :day, :reader, :helpful, :comment, :at)""")
				.param("category", vote.category())
				.param("question", vote.questionId())
				.param("day", vote.day())
				.param("reader", vote.readerHash())
				.param("helpful", vote.helpful())
				.param("comment", vote.comment())
				.param("at", vote.at().atOffset(ZoneOffset.UTC))
				.update();
			storage.makeDurable();
			return true;
		}
		catch (DuplicateKeyException sameReaderSameDay) {
			// The unique constraint decided, not a read-then-write that two requests
			// could both pass.
			jdbc.sql(
					"""
							UPDATE vote SET helpful = :helpful, comment_text = COALESCE(:comment, comment_text)
							WHERE category = :category AND question_id = :question AND voted_on = :day AND reader_hash = :reader""")
				.param("category", vote.category())
				.param("question", vote.questionId())
				.param("day", vote.day())
				.param("reader", vote.readerHash())
				.param("helpful", vote.helpful())
				.param("comment", vote.comment())
				.update();
			storage.makeDurable();
			return false;
		}
	}

	/** Counted votes on one answer, all days. */
	public Tally tally(String category, String questionId) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN helpful THEN 1 ELSE 0 END), 0) AS yes_votes,
				       COALESCE(SUM(CASE WHEN helpful THEN 0 ELSE 1 END), 0) AS no_votes
				FROM vote WHERE category = :category AND question_id = :question""")
			.param("category", category)
			.param("question", questionId)
			.query((rs, row) -> new Tally(rs.getLong("yes_votes"), rs.getLong("no_votes")))
			.single();
	}

	/**
	 * @param readerHash from {@link ClientHashes#reader}
	 * @param comment trimmed, at most 1,000 characters, or {@code null}
	 */
	public record Vote(String category, String questionId, LocalDate day, String readerHash, boolean helpful,
			String comment, Instant at) {
	}

	public record Tally(long yes, long no) {
	}

}
