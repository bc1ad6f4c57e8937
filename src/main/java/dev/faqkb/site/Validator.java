package dev.faqkb.site;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.faqkb.content.ContentCheck;
import dev.faqkb.content.ContentError;
import dev.faqkb.content.ContentException;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.Synonyms;

import org.springframework.util.unit.DataSize;

/**
 * {@code java -jar faqkb.jar validate [DIR] [--previous DIR]}: checks a content folder
 * for content CI without starting the web server. Every check is {@link ContentLoader}'s
 * or {@link Synonyms}'s (the two things {@link SnapshotStore} loads); this class only
 * adds the comparison with a previous version of the content. It lives here rather than
 * in {@code content} because {@code search} depends on {@code content}.
 */
public final class Validator {

	static final String USAGE = "usage: java -jar faqkb.jar validate [DIR] [--previous DIR] [--max-file-size SIZE]";

	/**
	 * Exit codes: the content is fine, the content has errors, the command line is wrong.
	 */
	static final int OK = 0, ERRORS = 1, USAGE_ERROR = 2;

	private final MarkdownRenderer markdown = new MarkdownRenderer();

	private final PrintStream out;

	private final long maxFileSize;

	private Validator(PrintStream out, long maxFileSize) {
		this.out = out;
		this.maxFileSize = maxFileSize;
	}

	/**
	 * Runs the command; returns the exit code instead of exiting, so that tests can call
	 * it.
	 * @param args the arguments after {@code validate}
	 * @param out where errors and the summary go
	 * @param err where usage mistakes go
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		Path dir = null;
		Path previous = null;
		DataSize maxFileSize = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("-h") || arg.equals("--help")) {
				out.println(USAGE);
				out.println("Checks the content folder DIR (default: content); with --previous, also reports every "
						+ "question id of the previous content that is gone without a redirect.");
				out.println(
						"--max-file-size: the largest image or file answers may use, as faqkb.content.max-file-size "
								+ "(default 10MB).");
				out.println("Exit code: 0 no errors, 1 errors, 2 usage mistake.");
				return OK;
			}
			if (arg.equals("--previous") || arg.startsWith("--previous=")) {
				if (previous != null) {
					return usage(err, "--previous given twice");
				}
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
						: i + 1 < args.size() ? args.get(++i) : "";
				if (value.isEmpty()) {
					return usage(err, "--previous needs a folder");
				}
				previous = Path.of(value);
			}
			else if (arg.equals("--max-file-size") || arg.startsWith("--max-file-size=")) {
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
						: i + 1 < args.size() ? args.get(++i) : "";
				try {
					maxFileSize = DataSize.parse(value);
				}
				catch (IllegalArgumentException ex) {
					return usage(err, "--max-file-size needs a size such as 10MB, got '" + value + "'");
				}
			}
			else if (arg.startsWith("-")) {
				return usage(err, "unknown option '" + arg + "'");
			}
			else if (dir != null) {
				return usage(err, "one content folder only, got '" + dir + "' and '" + arg + "'");
			}
			else {
				dir = Path.of(arg);
			}
		}
		dir = dir != null ? dir : Path.of("content");
		for (Path folder : previous != null ? List.of(dir, previous) : List.of(dir)) {
			if (!Files.isDirectory(folder)) {
				return usage(err, "no folder at '" + folder + "'");
			}
		}
		return new Validator(out, maxFileSize != null ? maxFileSize.toBytes() : ContentLoader.MAX_FILE_SIZE)
			.validate(dir, previous);
	}

	private static int usage(PrintStream err, String problem) {
		err.println("faqkb validate: " + problem);
		err.println(USAGE);
		return USAGE_ERROR;
	}

	private int validate(Path dir, Path previous) {
		ContentCheck published = new ContentLoader(markdown, false, maxFileSize).check(dir);
		Set<ContentError> unique = new LinkedHashSet<>(published.errors());
		if (published.draftsLeftOut()) {
			// Drafts too, so that a draft's mistakes show before the day it is published;
			// a link from published
			// content to a draft is still caught by the first check.
			unique.addAll(new ContentLoader(markdown, true, maxFileSize).check(dir).errors());
		}
		unique.addAll(synonymErrors(dir, published.language()));
		// each translation may have synonyms of its own language
		published.coverage()
			.forEach(translation -> unique
				.addAll(synonymErrors(dir.resolve(translation.language()), translation.language())));
		List<ContentError> errors = unique.stream().sorted().toList();
		errors.forEach(out::println);

		List<String> gone = previous != null
				? gone(new ContentLoader(markdown, false, maxFileSize).check(previous), published, dir) : List.of();
		gone.forEach(out::println);

		// what each translation still lacks, whatever else is wrong: a count, not an
		// error
		published.coverage()
			.forEach(translation -> out.println(dir.resolve(translation.language()) + ": " + translation.translated()
					+ " of " + count(translation.questions(), "question") + " translated"));
		long questions = published.addresses().stream().filter(address -> !address.redirect()).count();
		long categories = published.addresses().stream().map(ContentCheck.Address::category).distinct().count();
		if (errors.isEmpty() && gone.isEmpty()) {
			out.println(dir + ": " + count(questions, "question") + " in " + count(categories, "category")
					+ ", no errors" + (previous != null ? ", no id of " + previous + " lost" : ""));
			return OK;
		}
		out.println(dir + ": " + errors.size() + " error(s)"
				+ (previous != null ? ", " + gone.size() + " id(s) of " + previous + " gone without a redirect" : ""));
		return ERRORS;
	}

	/**
	 * What {@link Synonyms#read} would stop the application for, which the content loader
	 * does not look at.
	 */
	private static List<ContentError> synonymErrors(Path dir, String language) {
		try {
			Synonyms.read(dir, language);
			return List.of();
		}
		catch (ContentException ex) {
			return ex.errors();
		}
	}

	private static String count(long n, String noun) {
		return n + " "
				+ (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
	}

	/**
	 * Every address of the previous content that the current content neither has nor
	 * redirects, located at the previous file's line: the link someone pasted that this
	 * change would break.
	 */
	private List<String> gone(ContentCheck before, ContentCheck now, Path dir) {
		Set<String> present = now.addresses()
			.stream()
			.map(address -> address.category() + "/" + address.id())
			.collect(Collectors.toSet());
		Set<String> categoriesNow = now.addresses()
			.stream()
			.map(ContentCheck.Address::category)
			.collect(Collectors.toSet());
		List<String> lines = new ArrayList<>();
		for (ContentCheck.Address address : before.addresses()) {
			// A file that cannot be read now has its own errors; guessing which ids it
			// lost would be noise.
			if (present.contains(address.category() + "/" + address.id())
					|| now.unreadable().contains(address.category())) {
				continue;
			}
			String what = address.redirect() ? "redirect from '" + address.id() + "'"
					: "question id '" + address.id() + "'";
			String file = address.category() + ".md";
			boolean fileKept = categoriesNow.contains(address.category()) || Files.exists(dir.resolve(file));
			String fix = !fileKept ? "keep " + file + ", with 'redirects:' for its questions"
					: address.redirect() ? "keep it under 'redirects:' in " + dir.resolve(file)
							: "keep the id, or add '" + address.id()
									+ ": new-id' (or 'other-category#new-id') under 'redirects:' in "
									+ dir.resolve(file);
			lines.add(address.file() + ":" + address.line() + ": " + what + " is gone: links to /faq/"
					+ address.category() + "/" + address.id() + " would answer 404; " + fix);
		}
		return lines;
	}

}
