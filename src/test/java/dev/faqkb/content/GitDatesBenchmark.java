package dev.faqkb.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * What dating each answer by git costs a load: a content folder of 100 category files of
 * 100 questions each (10,000 by default) in a git repository with a few thousand commits,
 * each changing one answer, loaded with and without git dates, then again after an
 * author's uncommitted edit of one file and after a commit of one file. A benchmark, not
 * a test:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.faqkb.content.GitDatesBenchmark
 * -Dbench.questions=10000} (see bench/README.md). The second argument, when given, is the
 * number of commits (3,000).
 */
public final class GitDatesBenchmark {

	private static final int FILES = 100;

	private GitDatesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int questions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int commits = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
		int perFile = questions / FILES;
		Path repository = Files.createTempDirectory("faqkb-git-dates-");
		try {
			Random random = new Random(21);
			String[][] answers = new String[FILES][perFile];
			for (String[] file : answers) {
				for (int q = 0; q < perFile; q++) {
					file[q] = "The first answer, " + random.nextInt(1_000_000) + ".";
				}
			}
			long start = System.nanoTime();
			Instant when = Instant.parse("2020-01-01T00:00:00Z");
			try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
				for (int f = 0; f < FILES; f++) {
					write(repository, f, answers[f]);
				}
				commit(git, ".", when);
				for (int c = 1; c < commits; c++) {
					int f = random.nextInt(FILES);
					answers[f][random.nextInt(perFile)] = "Changed in commit " + c + ".";
					write(repository, f, answers[f]);
					commit(git, "content/c" + f + ".md", when.plusSeconds(3_600L * c));
				}
			}
			System.out.printf(Locale.ROOT,
					"%,d questions in %d files, %,d commits, made in %.1f s; Java %s, %d cores%n", FILES * perFile,
					FILES, commits, (System.nanoTime() - start) / 1e9, System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors());
			Path content = repository.resolve("content");
			ContentLoader withoutDates = new ContentLoader(new MarkdownRenderer(), false, ContentLoader.MAX_FILE_SIZE,
					false);
			ContentLoader withDates = new ContentLoader(new MarkdownRenderer(), false, ContentLoader.MAX_FILE_SIZE,
					true);
			for (int run = 1; run <= 3; run++) { // warms the JIT for the loads without
													// dates
				time("load without git dates, run " + run, () -> withoutDates.load(content));
			}
			time("load with git dates, first (every file blamed)", () -> withDates.load(content));
			time("load with git dates, nothing changed", () -> withDates.load(content));
			answers[7][3] = "Edited, not committed.";
			write(repository, 7, answers[7]);
			time("load with git dates, one file edited", () -> withDates.load(content));
			try (Git git = Git.open(repository.toFile())) {
				commit(git, "content/c7.md", when.plusSeconds(3_600L * commits));
			}
			time("load with git dates, that file committed", () -> withDates.load(content));
			Catalog catalog = withDates.load(content);
			long dated = catalog.questions().stream().filter(question -> catalog.updated(question).isPresent()).count();
			System.out.printf(Locale.ROOT, "answers with a date: %,d of %,d%n", dated, catalog.questions().size());
		}
		finally {
			try (Stream<Path> files = Files.walk(repository)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	private static void write(Path repository, int file, String[] answers) throws IOException {
		StringBuilder text = new StringBuilder("---\ntitle: Category ").append(file).append("\n---\n");
		for (int q = 0; q < answers.length; q++) {
			text.append("\n## Question ")
				.append(q)
				.append(" of category ")
				.append(file)
				.append("? {#q")
				.append(q)
				.append("}\n\n")
				.append(answers[q])
				.append('\n');
		}
		Files.createDirectories(repository.resolve("content"));
		Files.writeString(repository.resolve("content/c" + file + ".md"), text);
	}

	private static void commit(Git git, String path, Instant when) throws Exception {
		PersonIdent author = new PersonIdent("Author", "author@example.com", when, ZoneOffset.UTC);
		git.add().addFilepattern(path).call();
		git.commit().setMessage("Change " + path).setAuthor(author).setCommitter(author).setSign(false).call();
	}

	private static void time(String label, Runnable load) {
		long start = System.nanoTime();
		load.run();
		System.out.printf(Locale.ROOT, "%-52s %,8.0f ms%n", label, (System.nanoTime() - start) / 1e6);
	}

}
