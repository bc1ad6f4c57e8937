package dev.faqkb.search.semantic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.system.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedding cache to the texts in use: once a day, marks the rows of the
 * content this instance serves as used, then deletes the rows no instance has used for
 * {@value UseDays#UNUSED_DAYS} days (see {@link UseDays}). Without it every edit would
 * leave its old text's row behind forever. Instances sharing one database, even serving
 * different content during a rolling deploy, each mark their own content every day, so
 * none deletes a row another still uses. Runs on the semantic worker thread, after any
 * preparation under way; with semantic search off it never runs (the model that makes the
 * keys is never loaded) and the table is left as it is.
 */
@Component
class EmbeddingCacheRetention implements SchedulingConfigurer {

	private static final Duration EVERY = Duration.ofDays(1);

	// Not at startup: the first preparation comes first, and a first run after an upgrade
	// may delete many rows.
	private static final Duration FIRST_AFTER = Duration.ofMinutes(5);

	/**
	 * Keys worked out and marked at a time: the content's keys are never all held at
	 * once.
	 */
	private static final int BLOCK = 5_000;

	private static final Logger log = LoggerFactory.getLogger(EmbeddingCacheRetention.class);

	private final SemanticSearch semantic;

	private final Storage storage;

	EmbeddingCacheRetention(SemanticSearch semantic, Storage storage) {
		this.semantic = semantic;
		this.storage = storage;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (semantic.status() != SemanticSearch.Status.OFF) {
			registrar.addFixedDelayTask(new FixedDelayTask(this::runDaily, EVERY, FIRST_AFTER));
		}
	}

	/**
	 * Hands the day's run to the semantic worker: it may take seconds, which the shared
	 * scheduler must not wait.
	 */
	void runDaily() {
		semantic.withLatest(this::run);
	}

	/**
	 * Marks the content's rows, then deletes the unused ones; never throws: nothing a
	 * reader sees depends on it.
	 */
	void run(Catalog catalog, SentenceEncoder model) {
		if (!storage.usable()) {
			// Storage has said so; tomorrow's run marks and deletes what today's would
			// have
			return;
		}
		long start = System.nanoTime();
		EmbeddingCache cache = semantic.cache();
		try {
			int marked = markContent(cache, catalog.questions(), model.compounds());
			// only once every row of the content is marked, or a row this content still
			// uses could go
			int deleted = cache.deleteUnused();
			log.info("Semantic search: {} embedding cache rows marked in use, {} unused for {} days deleted in {} ms",
					marked, deleted, UseDays.UNUSED_DAYS, (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.warn("Semantic search: cannot keep the embedding cache to the texts in use, trying again tomorrow ({})",
					ex.getMessage());
		}
	}

	/**
	 * Works the keys out again from the questions rather than keeping them from the
	 * preparation: keeping them would hold heap all day to save a little CPU once a day
	 * (figures: bench/README.md, "The embedding cache's upkeep").
	 */
	static int markContent(EmbeddingCache cache, List<Question> questions, Compounds compounds) {
		int marked = 0;
		List<String> block = new ArrayList<>(BLOCK);
		for (Question question : questions) {
			block.add(Preparation.key(Preparation.text(question, compounds)));
			if (block.size() == BLOCK) {
				marked += cache.markUsed(block);
				block.clear();
			}
		}
		return marked + cache.markUsed(block);
	}

}
