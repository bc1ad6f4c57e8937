package dev.faqkb.search.semantic;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code faqkb.search.semantic.enabled=false}: the model is never loaded and search is by
 * words alone. Every {@link FaqkbWebTest} site is so unless its class turns semantic
 * search on; this is the plain site, and shares its context.
 */
@FaqkbWebTest
class SemanticOffTest {

	@Autowired
	SemanticSearch semantic;

	@Autowired
	SnapshotStore store;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	EmbeddingCacheRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theModelIsNeverLoadedAndEveryResultMatchedByItsWords() throws InterruptedException {
		assertThat(semantic.status()).isEqualTo(SemanticSearch.Status.OFF);
		store.reload();
		Thread.sleep(200);
		assertThat(semantic.modelLoaded()).isFalse();
		assertThat(semantic.lastRun()).isNull();
		assertThat(store.current().index().semanticReady()).isFalse();
		assertThat(mvc.get().uri("/api/search").param("q", "reset password")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.results[0].id").isEqualTo("reset-password");
				assertThat(json).extractingPath("$.results[*].match").asArray().containsOnly("lexical");
			});
	}

	@Test
	void theEmbeddingCacheIsLeftAsItIs() {
		// keys cannot be worked out without the model, so no row is known to be unused
		String key = "f".repeat(64);
		jdbc.update("INSERT INTO embedding_cache (text_key, model, dimensions, vector, checksum, created_at, used_on) "
				+ "VALUES (?, 'm', 1, ?, 0, CURRENT_TIMESTAMP, DATE '2020-01-01')", key, new byte[] { 1 });
		retention.runDaily();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM embedding_cache WHERE text_key = ?", Integer.class, key))
			.isOne();
		assertThat(semantic.modelLoaded()).isFalse();
	}

}
