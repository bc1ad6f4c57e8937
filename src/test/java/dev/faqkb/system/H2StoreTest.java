package dev.faqkb.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write made durable by {@link H2Store#writeAndSync} is in the file when it returns,
 * while other connections write and H2's background writer writes on its own: what a
 * {@code kill -9} at that moment would leave, read from a copy of the file.
 */
class H2StoreTest {

	private static final int WRITERS = 4;

	@TempDir
	Path dir;

	@Test
	void everyWriteMadeDurableIsInTheFileWhileOthersWrite() throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve("faqkb");
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			db.createStatement()
				.execute(
						"CREATE TABLE storage_probe (id INTEGER PRIMARY KEY, checked_at TIMESTAMP WITH TIME ZONE NOT NULL)");
			db.createStatement().execute("INSERT INTO storage_probe VALUES (1, CURRENT_TIMESTAMP)");
			db.createStatement().execute("CREATE TABLE vote (id INTEGER PRIMARY KEY, comment_text VARCHAR(1000))");
			Set<Integer> durable = ConcurrentHashMap.newKeySet();
			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int first = w;
				running.add(writers.submit(() -> {
					try (Connection writer = DriverManager.getConnection(url, "sa", "");
							PreparedStatement insert = writer
								.prepareStatement("INSERT INTO vote (id, comment_text) VALUES (?, ?)")) {
						for (int id = first; !stop.get(); id += WRITERS) {
							insert.setInt(1, id);
							insert.setString(2, "x".repeat(200));
							insert.executeUpdate();
							H2Store.writeAndSync(writer);
							durable.add(id);
						}
					}
					return null;
				}));
			}
			try {
				for (int copy = 0; copy < 15; copy++) {
					Thread.sleep(100);
					Set<Integer> before = Set.copyOf(durable);
					Path killed = Files.createDirectories(dir.resolve("copy" + copy));
					Files.copy(dir.resolve("faqkb.mv.db"), killed.resolve("faqkb.mv.db"),
							StandardCopyOption.REPLACE_EXISTING);
					assertThat(stored(killed)).as("rows in the file after %d durable writes", before.size())
						.containsAll(before);
				}
			}
			finally {
				stop.set(true);
				for (Future<?> writer : running) {
					writer.get();
				}
				writers.shutdown();
			}
		}
	}

	private static Set<Integer> stored(Path copy) throws Exception {
		Set<Integer> ids = new HashSet<>();
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("faqkb"), "sa", "");
				ResultSet rs = db.createStatement().executeQuery("SELECT id FROM vote")) {
			while (rs.next()) {
				ids.add(rs.getInt(1));
			}
		}
		return ids;
	}

}
