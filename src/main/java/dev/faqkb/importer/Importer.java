package dev.faqkb.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.faqkb.content.ContentError;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;

/**
 * {@code java -jar faqkb.jar import SOURCE... --to DIR}: reads each source, writes one
 * category file per category into {@code DIR}, and checks the folder with the content
 * loader, without starting the web server. Prints what it wrote and, as
 * {@code source:line: message}, everything it could not convert.
 * <p>
 * Never writes outside {@code DIR}, and never replaces a file that differs from what it
 * would write without {@code --force}: when one would be replaced, or a source cannot be
 * read at all, nothing is written.
 */
public final class Importer {

	static final String USAGE = "usage: java -jar faqkb.jar import SOURCE... --to DIR [--force] [--base-url URL] "
			+ "[--question-level 2|3]";

	/**
	 * Exit codes: all converted and valid; written with things left out, refused, or
	 * invalid; a usage mistake.
	 */
	static final int OK = 0, PROBLEMS = 1, USAGE_ERROR = 2;

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

	/** What a source is read as. */
	enum Format {

		RST, CSV, TSV, PAGE

	}

	/** One source from the command line. */
	record Source(String name, Format format, Path file, URI address) {
	}

	private final PrintStream out;

	private final PageFetcher fetcher;

	private final List<Problem> problems = new ArrayList<>();

	Importer(PrintStream out, PageFetcher fetcher) {
		this.out = out;
		this.fetcher = fetcher;
	}

	/**
	 * Runs the command; returns the exit code instead of exiting, so that tests can call
	 * it.
	 * @param args the arguments after {@code import}
	 * @param out where what was written, what was not converted and the summary go
	 * @param err where usage mistakes go
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		return run(args, out, err, new PageFetcher());
	}

	/**
	 * As {@link #run(List, PrintStream, PrintStream)}, fetching pages with
	 * {@code fetcher}.
	 */
	static int run(List<String> args, PrintStream out, PrintStream err, PageFetcher fetcher) {
		List<Source> sources = new ArrayList<>();
		Path to = null;
		boolean force = false;
		String baseUrl = null;
		Integer questionLevel = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String option = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (arg.equals("-h") || arg.equals("--help")) {
				out.println(USAGE);
				out.println("Writes one category file per category of the sources (.rst, .csv, .tsv, .html files, "
						+ "or http(s) addresses of pages with schema.org FAQPage) into DIR, then checks DIR as "
						+ "'validate' does.");
				out.println(
						"Exit code: 0 all converted, 1 something not converted, a file not replaced, or content errors, "
								+ "2 usage mistake.");
				return OK;
			}
			if (option.equals("--force")) {
				force = true;
				continue;
			}
			if (option.equals("--to") || option.equals("--base-url") || option.equals("--question-level")) {
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
						: i + 1 < args.size() ? args.get(++i) : "";
				if (value.isEmpty()) {
					return usage(err, option + " needs a value");
				}
				switch (option) {
					case "--to" -> to = Path.of(value);
					case "--base-url" -> {
						if (!value.matches("(?i)^https?://[^\\s/]+.*")) {
							return usage(err, "--base-url must be an http:// or https:// address, got '" + value + "'");
						}
						baseUrl = value;
					}
					default -> {
						if (!value.equals("2") && !value.equals("3")) {
							return usage(err, "--question-level must be 2 or 3 (the page's title is level 1), got '"
									+ value + "'");
						}
						questionLevel = Integer.valueOf(value);
					}
				}
				continue;
			}
			if (arg.startsWith("-") && arg.length() > 1) {
				return usage(err, "unknown option '" + arg + "'");
			}
			Source source;
			try {
				source = source(arg);
			}
			catch (IllegalArgumentException ex) {
				return usage(err, ex.getMessage());
			}
			sources.add(source);
		}
		if (sources.isEmpty()) {
			return usage(err, "no SOURCE given");
		}
		if (to == null) {
			return usage(err, "--to DIR is required: the content folder to write into");
		}
		if (Files.exists(to) && !Files.isDirectory(to)) {
			return usage(err, "'" + to + "' is not a folder");
		}
		return new Importer(out, fetcher).importInto(sources, to, force, baseUrl, questionLevel);
	}

	private static int usage(PrintStream err, String problem) {
		err.println("faqkb import: " + problem);
		err.println(USAGE);
		return USAGE_ERROR;
	}

	/**
	 * What a command-line argument names: a file by its extension, or an http(s) address.
	 */
	static Source source(String arg) {
		if (SCHEME.matcher(arg).matches()) {
			String scheme = arg.substring(0, arg.indexOf(':')).toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new IllegalArgumentException("'" + arg + "': only http:// and https:// addresses can be imported "
						+ "(give a file by its path)");
			}
			URI address;
			try {
				address = URI.create(arg);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("'" + arg + "' is not a valid address: " + ex.getMessage());
			}
			if (address.getHost() == null) {
				throw new IllegalArgumentException("'" + arg + "' is not a valid address: it has no host");
			}
			return new Source(arg, Format.PAGE, null, address);
		}
		Path file = Path.of(arg);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no file at '" + arg + "'");
		}
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
		Format format = switch (extension) {
			case "rst", "rest", "txt" -> Format.RST;
			case "csv" -> Format.CSV;
			case "tsv", "tab" -> Format.TSV;
			case "html", "htm", "xhtml" -> Format.PAGE;
			default -> throw new IllegalArgumentException("'" + arg
					+ "': unknown kind of source; give a .rst, .csv, .tsv or " + ".html file, or an http(s) address");
		};
		return new Source(arg, format, file, null);
	}

	private int importInto(List<Source> sources, Path to, boolean force, String baseUrl, Integer questionLevel) {
		List<ImportedCategory> categories = read(sources, baseUrl, questionLevel);
		if (categories == null) {
			problems.forEach(out::println);
			out.println("nothing written: a source could not be read");
			return PROBLEMS;
		}
		Map<String, ImportedCategory> byId = new LinkedHashMap<>();
		for (ImportedCategory category : categories) {
			ImportedCategory other = byId.putIfAbsent(category.id(), category);
			if (other != null) {
				problems.forEach(out::println);
				out.println(
						"nothing written: " + category.source() + " and " + other.source() + " both give the category '"
								+ category.id() + "'; import them into different folders, or rename one");
				return PROBLEMS;
			}
		}
		Map<Path, String> files = new LinkedHashMap<>();
		Map<Path, ImportedCategory> from = new LinkedHashMap<>();
		for (ImportedCategory category : byId.values()) {
			Path file = to.resolve(category.id() + ".md");
			if (!file.normalize().getParent().equals(to.normalize())) {
				throw new IllegalStateException("a category id must name a file in the folder: " + category.id());
			}
			files.put(file, CategoryFile.render(category, problems));
			from.put(file, category);
		}
		problems.forEach(out::println);
		List<Path> refused = new ArrayList<>();
		List<Path> unchanged = new ArrayList<>();
		for (Map.Entry<Path, String> file : files.entrySet()) {
			if (Files.exists(file.getKey(), LinkOption.NOFOLLOW_LINKS)) {
				if (same(file.getKey(), file.getValue())) {
					unchanged.add(file.getKey());
				}
				else if (!force) {
					refused.add(file.getKey());
				}
			}
		}
		if (!refused.isEmpty()) {
			refused.forEach(file -> out
				.println(file + ": exists and differs from the import; run again with --force to " + "replace it"));
			out.println("nothing written: " + refused.size() + " file(s) would be replaced");
			return PROBLEMS;
		}
		try {
			Files.createDirectories(to);
			for (Map.Entry<Path, String> file : files.entrySet()) {
				ImportedCategory category = from.get(file.getKey());
				String what = category.questionCount() + " question(s) from " + category.source();
				if (unchanged.contains(file.getKey())) {
					out.println(file.getKey() + ": unchanged, " + what);
					continue;
				}
				write(file.getKey(), file.getValue());
				out.println(file.getKey() + ": wrote " + what);
			}
		}
		catch (IOException ex) {
			out.println(to + ": cannot write: " + ex);
			return PROBLEMS;
		}
		List<ContentError> errors = new ContentLoader(new MarkdownRenderer(), true).check(to).errors();
		errors.forEach(out::println);
		int questions = byId.values().stream().mapToInt(ImportedCategory::questionCount).sum();
		out.println(to + ": " + questions + " question(s) in " + byId.size() + " category file(s); " + problems.size()
				+ " thing(s) not converted; "
				+ (errors.isEmpty() ? "the folder validates" : errors.size() + " content error(s) in the folder"));
		return problems.isEmpty() && errors.isEmpty() ? OK : PROBLEMS;
	}

	/**
	 * Every source's categories, or {@code null} when a source could not be read at all
	 * (the problems say why).
	 */
	private List<ImportedCategory> read(List<Source> sources, String baseUrl, Integer questionLevel) {
		List<ImportedCategory> categories = new ArrayList<>();
		List<RstPage> pages = new ArrayList<>();
		boolean failed = false;
		for (Source source : sources) {
			try {
				switch (source.format()) {
					case RST -> pages
						.add(new RstPage(source.name(), stem(source.file()), text(source), questionLevel, problems));
					case CSV, TSV -> categories
						.addAll(new SpreadsheetReader(source.name(), source.format() == Format.TSV, baseUrl, problems)
							.read(text(source)));
					case PAGE -> {
						PageFetcher.Page page = source.file() != null ? fetcher.file(source.file())
								: fetcher.fetch(source.address());
						categories.add(new FaqPageReader(source.name(), baseUrl, problems).read(page, source.file()));
					}
				}
			}
			catch (SourceException ex) {
				problems.add(new Problem(source.name(), ex.line(), ex.getMessage()));
				failed = true;
			}
		}
		if (failed) {
			return null;
		}
		RstLinks links = new RstLinks(pages, baseUrl);
		List<ImportedCategory> all = new ArrayList<>();
		pages.forEach(page -> all.add(page.convert(links, problems)));
		all.addAll(categories);
		return all;
	}

	private static String stem(Path file) {
		String name = file.getFileName().toString();
		return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
	}

	/** A source file's text, which must be UTF-8. */
	private static String text(Source source) {
		try {
			byte[] bytes = Files.readAllBytes(source.file());
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new SourceException(0, "not UTF-8 text: save it as UTF-8 and import it again");
		}
		catch (IOException ex) {
			throw new SourceException(0, "cannot read: " + ex);
		}
	}

	private static boolean same(Path file, String text) {
		try {
			return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
					&& Arrays.equals(Files.readAllBytes(file), text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Writes beside the file and moves it into place, so that a reader never sees half a
	 * file, and a symbolic link at the file's name is replaced rather than followed out
	 * of the folder.
	 */
	private static void write(Path file, String text) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
