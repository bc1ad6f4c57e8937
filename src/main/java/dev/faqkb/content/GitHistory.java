package dev.faqkb.content;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.faqkb.system.Sha256;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each line of the category files last changed, from git, for the "Last updated" of
 * each answer: the date (UTC) of the commit that last changed the line, as
 * {@code git blame} says; for a line not committed yet, the file's modification date.
 * Through JGit, when the content folder is in a git work tree (a clone, or a linked
 * worktree); otherwise there are no dates. A file's dates are kept by its content and its
 * blob at {@code HEAD}, so a reload blames again only the files that changed (a new
 * commit that leaves a file as it was changes neither). One per {@link ContentLoader};
 * thread-safe.
 */
final class GitHistory {

	private static final Logger log = LoggerFactory.getLogger(GitHistory.class);

	// By path in the work tree, blob at HEAD and content hash.
	private final Map<String, LocalDate[]> known = new ConcurrentHashMap<>();

	/**
	 * The date each answer last changed: the latest date among the lines from its
	 * question's heading to its last block, by {@link Sources#answer}.
	 * @param lineDates what {@link #lineDates} gave for the categories' files
	 */
	static Map<String, LocalDate> answerDates(Collection<ResolvedCategory> categories,
			Map<Path, LocalDate[]> lineDates) {
		Map<String, LocalDate> dates = new HashMap<>();
		for (ResolvedCategory resolved : categories) {
			ParsedCategory category = resolved.parsed();
			LocalDate[] lines = lineDates.get(category.file());
			if (lines == null) {
				continue;
			}
			MarkdownDocument document = category.outline().document();
			for (Outline.Section section : category.outline().sections()) {
				for (Outline.Question question : section.questions()) {
					int last = question.answer().isEmpty() ? question.line()
							: document.lineAt(question.answer().get(question.answer().size() - 1).end() - 1);
					LocalDate latest = null;
					for (int line = question.line(); line <= last && line <= lines.length; line++) {
						LocalDate date = lines[line - 1];
						latest = latest == null || date.isAfter(latest) ? date : latest;
					}
					if (latest != null) {
						dates.put(Sources.answer(category.file(), question.id()), latest);
					}
				}
			}
		}
		return dates;
	}

	/**
	 * @param files category files in {@code dir}
	 * @return for each file in a git work tree, the date each of its lines last changed
	 * (index 0 for line 1); empty when {@code dir} is in none, or git cannot be read
	 * (which is logged: answers then show the category's date)
	 */
	Map<Path, LocalDate[]> lineDates(Path dir, Collection<Path> files) {
		FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
		if (builder.getGitDir() == null || files.isEmpty()) {
			return Map.of();
		}
		try (Repository repository = builder.setMustExist(true).build()) {
			File workTree = repository.isBare() ? null : repository.getWorkTree();
			ObjectId head = repository.resolve(Constants.HEAD + "^{tree}");
			if (workTree == null || head == null) {
				return Map.of(); // a bare repository, or one without commits
			}
			Path root = workTree.toPath().toRealPath();
			Map<Path, LocalDate[]> dates = new LinkedHashMap<>();
			Set<String> used = ConcurrentHashMap.newKeySet();
			for (Path file : files) {
				Path real = file.toRealPath();
				if (!real.startsWith(root)) {
					continue;
				}
				String path = root.relativize(real).toString().replace(File.separatorChar, '/');
				String key = path + " " + blob(repository, head, path) + " "
						+ HexFormat.of().formatHex(Sha256.of(Files.readAllBytes(real)));
				used.add(key);
				LocalDate[] lines = known.get(key);
				if (lines == null) {
					lines = blame(repository, path, real);
					known.put(key, lines);
				}
				dates.put(file, lines);
			}
			known.keySet().retainAll(used);
			return dates;
		}
		catch (IOException | GitAPIException | RuntimeException ex) {
			log.warn("Cannot read the git history of {} ({}): answers show their category's 'updated' date instead",
					dir, ex.toString());
			return Map.of();
		}
	}

	/** The date each line of the file as it is in the work tree last changed. */
	private static LocalDate[] blame(Repository repository, String path, Path file)
			throws GitAPIException, IOException {
		// Without a start commit JGit blames the work tree's file, so uncommitted lines
		// have no commit.
		BlameResult blame = new Git(repository).blame().setFilePath(path).call();
		LocalDate modified = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
		if (blame == null) {
			// not tracked yet: every line is as new as the file
			LocalDate[] lines = new LocalDate[(int) Files.readString(file).lines().count()];
			Arrays.fill(lines, modified);
			return lines;
		}
		LocalDate[] lines = new LocalDate[blame.getResultContents().size()];
		Map<RevCommit, LocalDate> byCommit = new HashMap<>();
		for (int i = 0; i < lines.length; i++) {
			RevCommit commit = blame.getSourceCommit(i);
			lines[i] = commit == null ? modified : byCommit.computeIfAbsent(commit,
					c -> LocalDate.ofInstant(c.getCommitterIdent().getWhenAsInstant(), ZoneOffset.UTC));
		}
		return lines;
	}

	/** The file's blob at HEAD, or {@code none} when HEAD does not have it. */
	private static String blob(Repository repository, ObjectId headTree, String path) throws IOException {
		try (TreeWalk tree = TreeWalk.forPath(repository, path, headTree)) {
			return tree == null ? "none" : tree.getObjectId(0).name();
		}
	}

}
