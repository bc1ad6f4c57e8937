package dev.faqkb.search.semantic;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.site.SnapshotStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code faqkb.search.semantic.enabled=false}: the model is never loaded and search is by words alone. */
@FaqkbWebTest(properties = "faqkb.search.semantic.enabled=false")
class SemanticOffTest {

	@Autowired
	SemanticSearch semantic;

	@Autowired
	SnapshotStore store;

	@Autowired
	MockMvcTester mvc;

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

}
