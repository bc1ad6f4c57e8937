package dev.faqkb.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.insights.Insights.AnswerViews;
import dev.faqkb.insights.Insights.AnswerVotes;
import dev.faqkb.insights.Insights.CategoryVotes;
import dev.faqkb.insights.Insights.Comment;
import dev.faqkb.insights.Insights.DayCount;
import dev.faqkb.insights.Insights.SearchCount;
import dev.faqkb.insights.Insights.Totals;
import dev.faqkb.site.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the reports from the feedback tables. Portable SQL (H2 and PostgreSQL); question
 * texts and the unviewed questions come from the current catalog.
 */
@Repository
class InsightsQueries {

	static final int TOP = 20;

	private static final int COMMENTS_PER_ANSWER = 10;

	// Searches, each with whether any of its results was opened.
	private static final String SEARCHES = """
			SELECT s.query_text, s.language, COUNT(*) AS searches, MAX(s.result_count) AS results,
			       SUM(CASE WHEN c.search_id IS NULL THEN 0 ELSE 1 END) AS opened
			FROM search_log s LEFT JOIN (SELECT DISTINCT search_id FROM search_click) c ON c.search_id = s.id
			WHERE s.searched_on BETWEEN :since AND :until AND %s
			GROUP BY s.query_text, s.language %s
			ORDER BY searches DESC, s.query_text, s.language LIMIT %d""";

	private final JdbcClient jdbc;

	InsightsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Insights report(Period period, Catalog catalog, LocalDate until) {
		LocalDate since = period.firstDay(until);
		List<SearchCount> top = searches(since, until, "1 = 1", "");
		List<SearchCount> noResults = searches(since, until, "s.result_count = 0", "");
		List<SearchCount> unopened = searches(since, until, "s.result_count > 0",
				"HAVING SUM(CASE WHEN c.search_id IS NULL THEN 0 ELSE 1 END) = 0");
		List<AnswerVotes> mostNo = mostNo(since, until, catalog);
		Map<String, Long> views = views(since, until);
		List<DayCount> daily = daily(since, until);
		List<CategoryVotes> categories = categories(since, until, catalog);
		Totals totals = totals(since, until, views, daily, categories);
		return new Insights(period.days(), since, until, totals, top, noResults, unopened, mostNo,
				mostViewed(views, catalog), leastViewed(views, catalog), categories, daily);
	}

	private List<SearchCount> searches(LocalDate since, LocalDate until, String where, String having) {
		return jdbc.sql(SEARCHES.formatted(where, having, TOP))
			.param("since", since)
			.param("until", until)
			.query((rs, row) -> new SearchCount(rs.getString("query_text"), rs.getLong("searches"),
					rs.getLong("results"), rs.getLong("opened"), rs.getString("language")))
			.list();
	}

	private List<AnswerVotes> mostNo(LocalDate since, LocalDate until, Catalog catalog) {
		record Row(String category, String id, long yes, long no) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT category, question_id,
				       SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS yes_votes,
				       SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS no_votes
				FROM vote WHERE voted_on BETWEEN :since AND :until
				GROUP BY category, question_id HAVING SUM(CASE WHEN helpful THEN 0 ELSE 1 END) > 0
				ORDER BY no_votes DESC, yes_votes, category, question_id LIMIT %d""".formatted(TOP))
			.param("since", since)
			.param("until", until)
			.query((rs, row) -> new Row(rs.getString("category"), rs.getString("question_id"), rs.getLong("yes_votes"),
					rs.getLong("no_votes")))
			.list();
		Map<String, List<Comment>> comments = new HashMap<>();
		jdbc.sql("""
				SELECT category, question_id, voted_on, helpful, comment_text FROM vote
				WHERE voted_on BETWEEN :since AND :until AND comment_text IS NOT NULL
				ORDER BY created_at DESC, id DESC""").param("since", since).param("until", until).query(rs -> {
			List<Comment> list = comments.computeIfAbsent(key(rs.getString("category"), rs.getString("question_id")),
					k -> new ArrayList<>());
			if (list.size() < COMMENTS_PER_ANSWER) {
				list.add(new Comment(rs.getObject("voted_on", LocalDate.class), rs.getBoolean("helpful"),
						rs.getString("comment_text")));
			}
		});
		return rows.stream().map(row -> {
			Question question = catalog.question(row.category(), row.id()).orElse(null);
			return new AnswerVotes(row.category(), row.id(), question == null ? null : question.text(),
					answerUrl(catalog, row.category(), row.id()), row.yes(), row.no(),
					List.copyOf(comments.getOrDefault(key(row.category(), row.id()), List.of())));
		}).toList();
	}

	private Map<String, Long> views(LocalDate since, LocalDate until) {
		Map<String, Long> views = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT category, question_id, SUM(views) AS total FROM question_views
				WHERE viewed_on BETWEEN :since AND :until GROUP BY category, question_id""")
			.param("since", since)
			.param("until", until)
			.query(rs -> {
				views.put(key(rs.getString("category"), rs.getString("question_id")), rs.getLong("total"));
			});
		return views;
	}

	private static List<AnswerViews> mostViewed(Map<String, Long> views, Catalog catalog) {
		return views.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.map(entry -> {
				String[] parts = entry.getKey().split("/", 2);
				Question question = catalog.question(parts[0], parts[1]).orElse(null);
				return new AnswerViews(parts[0], parts[1], question == null ? null : question.text(),
						answerUrl(catalog, parts[0], parts[1]), entry.getValue());
			})
			.toList();
	}

	/**
	 * From the catalog, so that answers nobody opened (and so have no row) come first.
	 */
	private static List<AnswerViews> leastViewed(Map<String, Long> views, Catalog catalog) {
		return catalog.questions()
			.stream()
			.map(q -> new AnswerViews(q.category(), q.id(), q.text(), q.url(),
					views.getOrDefault(key(q.category(), q.id()), 0L)))
			.sorted(Comparator.comparingLong(AnswerViews::views))
			.limit(TOP)
			.toList();
	}

	private List<CategoryVotes> categories(LocalDate since, LocalDate until, Catalog catalog) {
		Map<String, long[]> votes = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT category, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS yes_votes,
				       SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS no_votes
				FROM vote WHERE voted_on BETWEEN :since AND :until GROUP BY category""")
			.param("since", since)
			.param("until", until)
			.query(rs -> {
				votes.put(rs.getString("category"), new long[] { rs.getLong("yes_votes"), rs.getLong("no_votes") });
			});
		List<CategoryVotes> result = new ArrayList<>();
		for (Category category : catalog.categories()) {
			long[] counts = votes.remove(category.id());
			result.add(categoryVotes(category.id(), category.title(), counts));
		}
		// Votes on categories that are no longer in the content still count in the
		// totals.
		votes.forEach((id, counts) -> result.add(categoryVotes(id, null, counts)));
		return result;
	}

	private static CategoryVotes categoryVotes(String id, String title, long[] counts) {
		long yes = counts == null ? 0 : counts[0];
		long no = counts == null ? 0 : counts[1];
		Integer percent = yes + no == 0 ? null : (int) Math.round(100.0 * yes / (yes + no));
		return new CategoryVotes(id, title, yes, no, percent);
	}

	private List<DayCount> daily(LocalDate since, LocalDate until) {
		Map<LocalDate, Long> searches = perDay("SELECT searched_on AS day_, COUNT(*) AS n FROM search_log "
				+ "WHERE searched_on BETWEEN :since AND :until GROUP BY searched_on", since, until);
		Map<LocalDate, Long> votes = perDay("SELECT voted_on AS day_, COUNT(*) AS n FROM vote "
				+ "WHERE voted_on BETWEEN :since AND :until GROUP BY voted_on", since, until);
		List<DayCount> days = new ArrayList<>();
		for (LocalDate day = since; !day.isAfter(until); day = day.plusDays(1)) {
			days.add(new DayCount(day, searches.getOrDefault(day, 0L), votes.getOrDefault(day, 0L)));
		}
		return days;
	}

	private Map<LocalDate, Long> perDay(String sql, LocalDate since, LocalDate until) {
		Map<LocalDate, Long> counts = new HashMap<>();
		jdbc.sql(sql).param("since", since).param("until", until).query(rs -> {
			counts.put(rs.getObject("day_", LocalDate.class), rs.getLong("n"));
		});
		return counts;
	}

	/**
	 * Searches and votes are summed from {@code daily} (every day of the period) and
	 * {@code categories} (every category with votes, including ones no longer in the
	 * content), so only searches without results need a query.
	 */
	private Totals totals(LocalDate since, LocalDate until, Map<String, Long> views, List<DayCount> daily,
			List<CategoryVotes> categories) {
		long searches = daily.stream().mapToLong(DayCount::searches).sum();
		long empty = count(
				"SELECT COUNT(*) FROM search_log WHERE searched_on BETWEEN :since AND :until" + " AND result_count = 0",
				since, until);
		long yes = categories.stream().mapToLong(CategoryVotes::yes).sum();
		long no = categories.stream().mapToLong(CategoryVotes::no).sum();
		return new Totals(searches, empty, yes + no, yes, no, views.values().stream().mapToLong(Long::longValue).sum());
	}

	private long count(String sql, LocalDate since, LocalDate until) {
		return jdbc.sql(sql).param("since", since).param("until", until).query(Long.class).single();
	}

	private static String key(String category, String id) {
		return category + "/" + id;
	}

	/**
	 * Where the answer is now: its page, or where its old id redirects to; {@code null}
	 * when it is no longer in the content (the report still names it, without a link to a
	 * 404).
	 */
	static String answerUrl(Catalog catalog, String category, String id) {
		return catalog.questionOrMoved(category, id).map(Question::url).orElse(null);
	}

}
