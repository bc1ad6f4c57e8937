package dev.faqkb.insights;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.feedback.SearchLog;
import dev.faqkb.feedback.Votes;
import dev.faqkb.site.Period;
import dev.faqkb.system.Storage;
import dev.faqkb.insights.Insights.AnswerViews;
import dev.faqkb.insights.Insights.CategoryVotes;
import dev.faqkb.insights.Insights.SearchCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The insights SQL, run on H2 ({@link H2InsightsQueriesTests}) and PostgreSQL
 * ({@link PostgresInsightsQueriesTests}). Each test works in a period of its own (years
 * apart), so tests share a database without seeing each other's rows.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ InsightsQueries.class, Votes.class, SearchLog.class, Storage.class })
abstract class InsightsQueriesContract {

	@TempDir
	static Path content;

	static Catalog catalog;

	@Autowired
	InsightsQueries queries;

	@Autowired
	Votes votes;

	@Autowired
	SearchLog searchLog;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void catalog() {
		catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
	}

	@Test
	void reportsSearchesVotesViewsAndCategoriesOfThePeriod() {
		LocalDate today = LocalDate.of(2031, 1, 31);
		Instant at = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
		long opened = searchLog.record("reset password", 1, at);
		searchLog.opened(opened, "help", "reset-password", at);
		searchLog.record("reset password", 1, at.minusSeconds(86_400));
		searchLog.record("unicorn invoice", 0, at);
		searchLog.record("account", 2, at);
		vote("help", "delete-account", "r1", today, false, "<script>alert(1)</script> Too vague");
		vote("help", "delete-account", "r2", today, false, null);
		vote("help", "export", "r1", today, false, null);
		vote("help", "export", "r2", today, true, null);
		vote("billing", "cards", "r1", today.minusDays(3), true, null);
		views("billing", "cards", today, 5);
		views("billing", "cards", today.minusDays(1), 2);
		views("help", "export", today, 1);

		Insights insights = queries.report(Period.WEEK, catalog, today);

		assertThat(insights.from()).isEqualTo(today.minusDays(6));
		assertThat(insights.topSearches()).extracting(SearchCount::query, SearchCount::searches, SearchCount::opened)
			.containsExactly(tuple("reset password", 2L, 1L), tuple("account", 1L, 0L),
					tuple("unicorn invoice", 1L, 0L));
		assertThat(insights.noResults()).extracting(SearchCount::query).containsExactly("unicorn invoice");
		assertThat(insights.unopened()).extracting(SearchCount::query).containsExactly("account");
		assertThat(insights.mostNo()).extracting(a -> a.id(), a -> a.no(), a -> a.yes())
			.containsExactly(tuple("delete-account", 2L, 0L), tuple("export", 1L, 1L));
		assertThat(insights.mostNo().get(0).question()).isEqualTo("How do I delete my account?");
		assertThat(insights.mostNo().get(0).comments()).extracting(c -> c.text())
			.containsExactly("<script>alert(1)</script> Too vague");
		assertThat(insights.mostViewed()).extracting(AnswerViews::id, AnswerViews::views)
			.containsExactly(tuple("cards", 7L), tuple("export", 1L));
		assertThat(insights.leastViewed()).extracting(AnswerViews::id, AnswerViews::views)
			.startsWith(tuple("reset-password", 0L), tuple("delete-account", 0L))
			.endsWith(tuple("export", 1L), tuple("cards", 7L));
		assertThat(insights.categories())
			.extracting(CategoryVotes::category, CategoryVotes::yes, CategoryVotes::no, CategoryVotes::helpfulPercent)
			.containsExactly(tuple("help", 1L, 3L, 25), tuple("billing", 1L, 0L, 100));
		assertThat(insights.daily()).hasSize(7);
		assertThat(insights.daily().get(6)).isEqualTo(new Insights.DayCount(today, 3, 4));
		assertThat(insights.daily().get(5)).isEqualTo(new Insights.DayCount(today.minusDays(1), 1, 0));
		assertThat(insights.totals()).isEqualTo(new Insights.Totals(4, 1, 5, 2, 3, 8));
	}

	@Test
	void activityBeforeThePeriodIsLeftOut() {
		LocalDate today = LocalDate.of(2033, 6, 30);
		searchLog.record("old search", 0, today.minusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC));
		vote("help", "export", "r1", today.minusDays(7), false, "old");
		views("help", "export", today.minusDays(7), 3);

		Insights week = queries.report(Period.WEEK, catalog, today);
		Insights month = queries.report(Period.MONTH, catalog, today);

		assertThat(week.topSearches()).isEmpty();
		assertThat(week.mostNo()).isEmpty();
		assertThat(week.mostViewed()).isEmpty();
		assertThat(week.categories()).extracting(CategoryVotes::helpfulPercent).containsOnlyNulls();
		assertThat(week.daily()).hasSize(7).allMatch(day -> day.searches() == 0 && day.votes() == 0);
		assertThat(month.topSearches()).extracting(SearchCount::query).containsExactly("old search");
		assertThat(month.mostNo()).extracting(a -> a.id()).containsExactly("export");
		assertThat(month.daily()).hasSize(30);
	}

	@Test
	void answersNoLongerInTheContentAreStillReported() {
		LocalDate today = LocalDate.of(2035, 3, 1);
		vote("help", "removed-question", "r1", today, false, "Where did it go?");

		Insights insights = queries.report(Period.WEEK, catalog, today);

		assertThat(insights.mostNo()).singleElement().satisfies(answer -> {
			assertThat(answer.id()).isEqualTo("removed-question");
			assertThat(answer.question()).isNull();
		});
	}

	private void vote(String category, String id, String reader, LocalDate day, boolean helpful, String comment) {
		votes.record(new Votes.Vote(category, id, day, reader + "-" + day, helpful, comment,
				day.atTime(9, 0).toInstant(ZoneOffset.UTC)));
	}

	private void views(String category, String id, LocalDate day, long views) {
		jdbc.sql("INSERT INTO question_views (category, question_id, viewed_on, views) VALUES (:c, :q, :d, :v)")
			.param("c", category)
			.param("q", id)
			.param("d", day)
			.param("v", views)
			.update();
	}

}
