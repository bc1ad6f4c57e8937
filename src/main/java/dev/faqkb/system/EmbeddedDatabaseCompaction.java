package dev.faqkb.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database's file near the size of its data while the site serves.
 * H2 writes a new part of its file for every durable write
 * ({@link Storage#makeDurable()}) and compacts only when it closes, so a site that takes
 * votes for weeks would grow its file by kilobytes a vote; here, once the file has grown
 * by {@value #GROWTH_MB} MB since the last compaction, H2's own compaction runs for at
 * most {@value #MAX_MILLIS} ms (writes wait meanwhile). H2 offers it through no SQL while
 * open ({@code SHUTDOWN COMPACT} closes the database), so this reaches its store through
 * the embedded connection; on any other database it does nothing. Figures:
 * bench/README.md, "The embedded database's size".
 */
@Component
class EmbeddedDatabaseCompaction {

	static final int GROWTH_MB = 4;

	static final int MAX_MILLIS = 500;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseCompaction.class);

	private final DataSource dataSource;

	private final Path file;

	private long compactedSize;

	EmbeddedDatabaseCompaction(DataSource dataSource) {
		this.dataSource = dataSource;
		this.file = fileOf(dataSource);
	}

	@Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
	void compactWhenGrown() {
		if (file == null) {
			return;
		}
		try {
			long size = Files.size(file);
			if (size - compactedSize < GROWTH_MB * 1024L * 1024L) {
				return;
			}
			long start = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				if (!H2Store.compact(connection, MAX_MILLIS)) {
					return;
				}
			}
			compactedSize = Files.size(file);
			log.debug("Compacted {} from {} KB to {} KB in {} ms", file, size / 1024, compactedSize / 1024,
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (IOException | SQLException | RuntimeException notNow) {
			// A full disk or a database that cannot be used: Storage reports those; the
			// file stays as it is.
			log.debug("Could not compact {}: {}", file, notNow.toString());
		}
	}

	/**
	 * The H2 file of the embedded database ({@code jdbc:h2:file:PATH}), or {@code null}.
	 */
	private static Path fileOf(DataSource dataSource) {
		Path database = dataSource instanceof HikariDataSource hikari ? Storage.embeddedDatabase(hikari.getJdbcUrl())
				: null;
		return database != null ? database.resolveSibling(database.getFileName() + ".mv.db") : null;
	}

}
