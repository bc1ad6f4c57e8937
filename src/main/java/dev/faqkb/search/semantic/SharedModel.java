package dev.faqkb.search.semantic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model, loaded once per JVM: every application context of a test run shares it. */
final class SharedModel {

	// under SemanticSearch's name, with the rest of what semantic search logs
	private static final Logger log = LoggerFactory.getLogger(SemanticSearch.class);

	private static SentenceEncoder loaded;

	private SharedModel() {
	}

	static synchronized SentenceEncoder get() throws Exception {
		if (loaded == null) {
			long start = System.nanoTime();
			loaded = SentenceEncoder.load();
			log.info("Semantic search: embedding model {} loaded in {} ms", SentenceEncoder.MODEL,
					(System.nanoTime() - start) / 1_000_000);
		}
		return loaded;
	}

}
