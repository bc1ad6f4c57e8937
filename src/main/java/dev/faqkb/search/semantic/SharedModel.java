package dev.faqkb.search.semantic;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The model, loaded once per JVM: every application context of a test run shares it. */
final class SharedModel {

	// under SemanticSearch's name, with the rest of what semantic search logs
	private static final Logger log = LoggerFactory.getLogger(SemanticSearch.class);

	private static SentenceEncoder loaded;

	private SharedModel() {
	}

	static synchronized SentenceEncoder get(Path nativeDir) throws Exception {
		if (loaded == null) {
			long start = System.nanoTime();
			loaded = SentenceEncoder.load(nativeDir);
			log.info("Semantic search: embedding model {} loaded in {} ms", SentenceEncoder.MODEL,
					(System.nanoTime() - start) / 1_000_000);
		}
		return loaded;
	}

	/**
	 * Under the data folder when it is writable (kept across restarts), else a temporary
	 * folder.
	 */
	static Path nativeFolder(Path dataDir) throws java.io.IOException {
		Path folder = dataDir.toAbsolutePath().resolve("native");
		try {
			Files.createDirectories(folder);
			if (Files.isWritable(folder)) {
				return folder;
			}
		}
		catch (java.io.IOException | SecurityException readOnly) {
			// a read-only data folder: fall through to a temporary one
		}
		return Files.createTempDirectory("faqkb-native-");
	}

}
