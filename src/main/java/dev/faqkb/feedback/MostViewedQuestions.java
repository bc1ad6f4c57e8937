package dev.faqkb.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.site.PopularQuestions;
import dev.faqkb.system.Storage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Popular questions are the most viewed of the last 30 days. The ranking is read at most
 * once per {@link PopularQuestions#FRESH}: the home page is the busiest page and
 * popularity does not change by the second. While the database cannot be used the last
 * ranking stays (none after a start without it), so the home page never waits for it.
 * Thread-safe.
 */
@Component
class MostViewedQuestions implements PopularQuestions {

	private static final int DAYS = 30;

	private final JdbcClient jdbc;

	private final Storage storage;

	private volatile Ranking ranking = new Ranking(List.of(), Instant.EPOCH);

	MostViewedQuestions(JdbcClient jdbc, Storage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	@Override
	public List<Question> top(Catalog catalog, int limit) {
		Instant now = Instant.now();
		Ranking current = ranking;
		if (stale(current, now) && storage.usable()) {
			synchronized (this) {
				// Requests that waited here while another one reloaded use its ranking
				// rather than reloading again.
				current = ranking;
				if (stale(current, now)) {
					current = new Ranking(loadOr(current.keys()), now);
					ranking = current;
				}
			}
		}
		return current.keys()
			.stream()
			.map(key -> catalog.question(key.category(), key.questionId()).orElse(null))
			.filter(Objects::nonNull)
			.limit(limit)
			.toList();
	}

	private static boolean stale(Ranking ranking, Instant now) {
		return ranking.readAt().plus(PopularQuestions.FRESH).isBefore(now);
	}

	private List<Key> loadOr(List<Key> last) {
		try {
			return load();
		}
		catch (RuntimeException ex) {
			storage.failed(ex);
			return last;
		}
	}

	private List<Key> load() {
		return jdbc.sql("""
				SELECT category, question_id, SUM(views) AS total FROM question_views
				WHERE viewed_on >= :since GROUP BY category, question_id
				ORDER BY total DESC, category, question_id LIMIT 50""")
			.param("since", LocalDate.now(ZoneOffset.UTC).minusDays(DAYS - 1))
			.query((rs, row) -> new Key(rs.getString("category"), rs.getString("question_id")))
			.list();
	}

	private record Key(String category, String questionId) {
	}

	private record Ranking(List<Key> keys, Instant readAt) {
	}

}
