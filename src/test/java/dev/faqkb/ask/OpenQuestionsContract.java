package dev.faqkb.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.faqkb.system.Storage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The open questions table, run on H2 ({@link H2OpenQuestionsTests}) and PostgreSQL
 * ({@link PostgresOpenQuestionsTests}). Each test marks its questions with a word of its
 * own, so tests share a database without seeing each other's rows. No test transaction:
 * each statement commits on its own.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ OpenQuestions.class, Storage.class })
abstract class OpenQuestionsContract {

	private static final Instant AT = Instant.parse("2026-03-14T10:00:00Z");

	@Autowired
	OpenQuestions questions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private final String mark = "q" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anAskedQuestionIsOpenWithItsSearchAndEMailNewestFirst() {
		long first = questions.ask(mark + " first?", null, "how to " + mark, null, AT);
		long second = questions.ask(mark + " second?", "reader@example.com", null, "general", AT.plusSeconds(60));

		assertThat(questions.open(1000)).filteredOn(q -> q.question().startsWith(mark))
			.extracting(OpenQuestions.OpenQuestion::id)
			.containsExactly(second, first);
		OpenQuestions.OpenQuestion asked = questions.open(1000)
			.stream()
			.filter(q -> q.id() == second)
			.findFirst()
			.orElseThrow();
		assertThat(asked)
			.extracting(OpenQuestions.OpenQuestion::email, OpenQuestions.OpenQuestion::askedFrom,
					OpenQuestions.OpenQuestion::status, OpenQuestions.OpenQuestion::askedAt)
			.containsExactly("reader@example.com", "general", "open", AT.plusSeconds(60));
	}

	@Test
	void markingAnsweredDeletesTheEMailAndKeepsWhichAnswerItGot() {
		long id = questions.ask(mark + "?", "reader@example.com", null, null, AT);

		assertThat(questions.answered(id, "general", "why-was-mattermost-created", AT.plusSeconds(3600))).isTrue();

		OpenQuestions.OpenQuestion closed = questions.askedBetween(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 14))
			.stream()
			.filter(q -> q.id() == id)
			.findFirst()
			.orElseThrow();
		assertThat(closed.status()).isEqualTo("answered");
		assertThat(closed.email()).isNull();
		assertThat(closed.answeredBy()).isEqualTo("general/why-was-mattermost-created");
		assertThat(closed.closedAt()).isEqualTo(AT.plusSeconds(3600));
		assertThat(questions.open(1000)).noneMatch(q -> q.id() == id);
	}

	@Test
	void dismissingDeletesTheEMailAndAClosedQuestionCannotBeClosedAgain() {
		long id = questions.ask(mark + "?", "reader@example.com", null, null, AT);

		assertThat(questions.dismissed(id, AT)).isTrue();

		assertThat(questions.askedBetween(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 14)))
			.filteredOn(q -> q.id() == id)
			.singleElement()
			.satisfies(q -> assertThat(q.status()).isEqualTo("dismissed"))
			.satisfies(q -> assertThat(q.email()).isNull());
		assertThat(questions.dismissed(id, AT)).isFalse();
		assertThat(questions.answered(id, "general", "x", AT)).isFalse();
	}

	@Test
	void whileTheDatabaseIsKnownToBeUnusableAQuestionFailsWithoutTryingIt() {
		Storage down = new Storage(dataSource);
		down.failed(new DataAccessResourceFailureException("Connection refused"));
		OpenQuestions refusing = new OpenQuestions(jdbc, down);

		assertThatThrownBy(() -> refusing.ask(mark + "?", null, null, null, AT))
			.isInstanceOf(DataAccessResourceFailureException.class)
			.hasMessageContaining("Connection refused");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM open_question WHERE question_text = :text")
			.param("text", mark + "?")
			.query(Long.class)
			.single()).as("the database, in fact up, was not tried").isZero();
	}

	@Test
	void questionsAreTakenAndClosedAfterThePoolClosesTheConnectionThatCreatedTheTable() throws Exception {
		// Hikari retires every connection after 30 minutes, and Storage evicts them after
		// a failure; H2 2.4.240
		// then failed every check constraint of the tables that connection had created
		// ("Check constraint invalid").
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

		long id = questions.ask(mark + "?", "reader@example.com", null, null, AT);

		assertThat(questions.answered(id, "general", "why-was-mattermost-created", AT)).isTrue();
	}

	@Test
	void theDatabaseRefusesToKeepAnEMailOnAClosedQuestion() {
		long id = questions.ask(mark + "?", null, null, null, AT);
		questions.dismissed(id, AT);

		assertThatThrownBy(() -> jdbc.sql("UPDATE open_question SET email = 'late@example.com' WHERE id = :id")
			.param("id", id)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void questionsOfAPeriodAreThoseAskedOnItsDays() {
		long before = questions.ask(mark + " before?", null, null, null, Instant.parse("2026-02-01T23:59:59Z"));
		long inside = questions.ask(mark + " inside?", null, null, null, Instant.parse("2026-02-02T00:00:00Z"));

		assertThat(questions.askedBetween(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3)))
			.extracting(OpenQuestions.OpenQuestion::id)
			.contains(inside)
			.doesNotContain(before);
	}

}
