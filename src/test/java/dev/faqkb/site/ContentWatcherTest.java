package dev.faqkb.site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.faqkb.TestContent;
import dev.faqkb.TestImages;
import dev.faqkb.system.FaqkbProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watcher's life: one daemon thread while running, none after stop, none at all when
 * watching is off.
 */
class ContentWatcherTest {

	private static FaqkbProperties properties(Path contentDir, Path dataDir, boolean watch) {
		return new FaqkbProperties(contentDir, dataDir, new FaqkbProperties.Content(watch, false),
				new FaqkbProperties.Feedback(20, Duration.ofSeconds(10), Duration.ofDays(180)),
				new FaqkbProperties.Admin("admin", ""),
				new FaqkbProperties.Integrations(new FaqkbProperties.Slash(List.of(), List.of(), 20),
						new FaqkbProperties.Mcp(true, 60)),
				new FaqkbProperties.Ask(5),
				new FaqkbProperties.Pages(DataSize.ofMegabytes(32), DataSize.ofKilobytes(100)),
				new FaqkbProperties.Search(new FaqkbProperties.Semantic(false, 1)),
				new FaqkbProperties.Database(DataSize.ofMegabytes(16)));
	}

	@TempDir
	Path dir;

	private SnapshotStore store(boolean watch) {
		save("First.");
		return new SnapshotStore(properties(dir, dir.resolve("data"), watch));
	}

	private void save(String answer) {
		TestContent.in(dir).category("general", "General", "\n## Install? {#install}\n\n" + answer + "\n");
	}

	private static String answer(SnapshotStore store) {
		return store.current().catalog().question("general", "install").orElseThrow().answerText();
	}

	private static String french(SnapshotStore store) {
		Snapshot.Edition french = store.current().translations().get("fr");
		return french == null ? "" : french.catalog().question("general", "install").orElseThrow().answerText();
	}

	private static List<Thread> watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.getName().equals("faqkb-content-watcher") && thread.isAlive())
			.toList();
	}

	@Test
	void reloadsOnADaemonThreadThatEndsOnStop() {
		SnapshotStore store = store(true);
		ContentWatcher watcher = new ContentWatcher(store, properties(dir, dir, true));
		List<Thread> before = watcherThreads();
		watcher.start();
		try {
			List<Thread> started = watcherThreads().stream().filter(thread -> !before.contains(thread)).toList();
			assertThat(started).singleElement().satisfies(thread -> assertThat(thread.isDaemon()).isTrue());

			save("Second.");
			await().atMost(Duration.ofSeconds(2)).until(() -> answer(store).equals("Second."));
		}
		finally {
			watcher.stop();
		}
		assertThat(watcher.isRunning()).isFalse();
		assertThat(watcherThreads()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void changeMadeWhileTheApplicationStartsIsServed() {
		SnapshotStore store = store(true);
		save("Saved while starting.");
		ContentWatcher watcher = new ContentWatcher(store, properties(dir, dir, true));
		watcher.start();
		try {
			await().atMost(Duration.ofSeconds(2)).until(() -> answer(store).equals("Saved while starting."));
		}
		finally {
			watcher.stop();
		}
	}

	@Test
	void aChangedImageInAFolderIsServedAtItsNewAddressWithoutARestart() {
		TestContent.in(dir).file("img/flow.png", TestImages.png(10, 10));
		save("![The flow](img/flow.png)");
		SnapshotStore store = new SnapshotStore(properties(dir, dir.resolve("data"), true));
		ContentWatcher watcher = new ContentWatcher(store, properties(dir, dir, true));
		watcher.start();
		try {
			TestContent.in(dir).file("img/flow.png", TestImages.png(20, 10));
			await().atMost(Duration.ofSeconds(3))
				.until(() -> store.current()
					.catalog()
					.question("general", "install")
					.orElseThrow()
					.answerHtml()
					.contains("width=\"20\""));
		}
		finally {
			watcher.stop();
		}
	}

	@Test
	void aSavedTranslationIsServed() {
		SnapshotStore store = store(true);
		ContentWatcher watcher = new ContentWatcher(store, properties(dir, dir, true));
		watcher.start();
		try {
			TestContent.in(dir).translation("fr", "general", "Général", "\n## Installer ? {#install}\n\nD'abord.\n");
			await().atMost(Duration.ofSeconds(3)).until(() -> french(store).equals("D'abord."));
			// a change inside the translation's folder, which file events of the content
			// folder do not report
			TestContent.in(dir).translation("fr", "general", "Général", "\n## Installer ? {#install}\n\nEnsuite.\n");
			await().atMost(Duration.ofSeconds(3)).until(() -> french(store).equals("Ensuite."));
		}
		finally {
			watcher.stop();
		}
	}

	@Test
	void hiddenFoldersAndFilesOfOtherTypesChangeNothing() {
		TestContent.in(dir)
			.file("img/flow.png", TestImages.png(10, 10))
			.file(".git/objects/ab", "x")
			.file("notes.html", "x");
		java.util.Map<String, String> before = ContentFiles.fingerprint(dir);
		TestContent.in(dir).file(".git/objects/cd", "y").file(".git/objects/ab", "xx").file("notes.html", "xx");
		assertThat(ContentFiles.fingerprint(dir)).isEqualTo(before).containsKey("img/flow.png");
	}

	@Test
	void watchingOffStartsNoThread() {
		SnapshotStore store = store(false);
		ContentWatcher watcher = new ContentWatcher(store, properties(dir, dir, false));
		List<Thread> before = watcherThreads();
		watcher.start();
		assertThat(watcher.isRunning()).isFalse();
		assertThat(watcherThreads()).containsExactlyInAnyOrderElementsOf(before);
		watcher.stop();
	}

	@Test
	void editorSwapAndBackupFilesAreNotContent() {
		assertThat(ContentFiles.isContentFile("general.md")).isTrue();
		assertThat(ContentFiles.isContentFile("site.yml")).isTrue();
		assertThat(ContentFiles.isContentFile("synonyms.txt")).isTrue();
		assertThat(ContentFiles.isContentFile(".general.md.swp")).isFalse();
		assertThat(ContentFiles.isContentFile("general.md~")).isFalse();
		assertThat(ContentFiles.isContentFile(".#general.md")).isFalse();
		assertThat(ContentFiles.isContentFile("4913")).isFalse();
	}

}
