package dev.faqkb.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a content folder into a {@link Catalog}, or fails with every {@link ContentError}
 * found in one pass. In phases, each handing the next an immutable result:
 * {@code site.yml} and each category file are read ({@link SiteFile},
 * {@link CategoryParser}), then redirects and links are checked across categories
 * ({@link Redirects}, {@link LinkChecker}, and {@link FileLinks} for the images and files
 * they use), then the translation folders against them ({@link Translations}), and only
 * content without errors is rendered ({@link CategoryRenderer}). Stateless apart from the
 * renderer and what it knows of the folder's files ({@link FileFacts}) and their history
 * ({@link GitHistory}), so one instance serves every reload.
 */
public final class ContentLoader {

	/** The largest image or file served when no limit is given: 10 MB. */
	public static final long MAX_FILE_SIZE = 10L * 1024 * 1024;

	private final CategoryParser parser;

	// reads a default-language file with its drafts, to tell a translation of a draft
	// from one of nothing
	private final CategoryParser withDrafts;

	private final boolean showDrafts;

	private final long maxFileSize;

	private final FileFacts fileFacts = new FileFacts();

	private final GitHistory history;

	/**
	 * @param showDrafts whether draft categories and questions are served
	 */
	public ContentLoader(MarkdownRenderer markdown, boolean showDrafts) {
		this(markdown, showDrafts, MAX_FILE_SIZE);
	}

	/**
	 * @param showDrafts whether draft categories and questions are served
	 * @param maxFileSize the largest image or file of the folder that answers may use, in
	 * bytes
	 */
	public ContentLoader(MarkdownRenderer markdown, boolean showDrafts, long maxFileSize) {
		this(markdown, showDrafts, maxFileSize, true);
	}

	/**
	 * @param showDrafts whether draft categories and questions are served
	 * @param maxFileSize the largest image or file of the folder that answers may use, in
	 * bytes
	 * @param gitDates whether answers are dated by git when the folder is in a git work
	 * tree
	 */
	public ContentLoader(MarkdownRenderer markdown, boolean showDrafts, long maxFileSize, boolean gitDates) {
		this.parser = new CategoryParser(markdown, showDrafts);
		this.withDrafts = new CategoryParser(markdown, true);
		this.showDrafts = showDrafts;
		this.maxFileSize = maxFileSize;
		this.history = gitDates ? new GitHistory() : null;
	}

	/**
	 * The default language's catalog (see {@link #loadAll} for every language).
	 * @throws ContentException listing every error found, translations included, when
	 * there is any
	 */
	public Catalog load(Path dir) {
		return loadAll(dir).original();
	}

	/**
	 * The catalog of each language: the default language's, and one per translation
	 * folder.
	 * @throws ContentException listing every error found, when there is any
	 */
	public Editions loadAll(Path dir) {
		Reading reading = read(dir);
		if (!reading.errors().isEmpty()) {
			throw new ContentException(reading.errors());
		}
		String language = reading.site().language();
		Sources sources = sources(dir, reading);
		Catalog original = new Catalog(reading.site(),
				reading.categories()
					.stream()
					.map(category -> CategoryRenderer.render(category, language, reading.files()))
					.toList(),
				"", reading.files(), sources);
		Map<String, Catalog> translations = new LinkedHashMap<>();
		for (Translations.Translation translation : reading.translations()) {
			Map<String, Category> rendered = new LinkedHashMap<>();
			translation.categories()
				.forEach((id, category) -> rendered.put(id,
						CategoryRenderer.render(category, translation.language(), reading.files())));
			translations.put(translation.language(), Translations.catalog(original, translation, rendered));
		}
		return new Editions(original, translations);
	}

	/**
	 * Finds every error {@link #load} would, and the addresses the content defines (known
	 * even when there are errors), without rendering any HTML: what the validator needs.
	 */
	public ContentCheck check(Path dir) {
		Reading reading = read(dir);
		return new ContentCheck(reading.errors(), addresses(reading.categories()), reading.unreadable(),
				reading.draftsLeftOut(), coverage(reading), reading.site().language());
	}

	/** Every phase but rendering. */
	private Reading read(Path dir) {
		if (!Files.isDirectory(dir)) {
			return Reading.failed(new ContentError(dir, 0, "content folder not found"));
		}
		List<ContentError> errors = new ArrayList<>();
		SiteInfo site = SiteFile.read(dir, errors);
		List<Path> files;
		FileLinks fileLinks;
		try {
			files = ContentFolder.categoryFiles(dir);
			fileLinks = new FileLinks(dir, fileFacts, maxFileSize);
		}
		catch (IOException ex) {
			return Reading.failed(new ContentError(dir, 0, "cannot list the folder: " + ex.getMessage()));
		}
		if (files.isEmpty()) {
			errors.add(new ContentError(dir, 0, "no category files (*.md) in the content folder"));
		}
		Map<String, ParsedCategory> served = new LinkedHashMap<>();
		Set<String> unreadable = new LinkedHashSet<>();
		boolean draftsLeftOut = false;
		for (Path file : files) {
			Optional<ParsedCategory> parsed = parser.parse(file, errors);
			if (parsed.isEmpty()) {
				unreadable.add(ContentFolder.categoryId(file));
			}
			else if (showDrafts || !parsed.get().frontMatter().draft()) {
				served.put(parsed.get().id(), parsed.get());
				draftsLeftOut |= parsed.get().outline().draftsLeftOut();
			}
			else {
				draftsLeftOut = true;
			}
		}
		// Redirects first, so that a link to an old id anywhere can follow them.
		Map<String, Map<String, Redirect>> redirects = new LinkedHashMap<>();
		served.values().forEach(category -> redirects.put(category.id(), Redirects.resolve(category, served, errors)));
		served.values().forEach(category -> checkMarkup(category, errors));
		LinkChecker links = new LinkChecker(served, redirects, showDrafts, fileLinks);
		List<ResolvedCategory> categories = served.values()
			.stream()
			.map(category -> new ResolvedCategory(category, redirects.get(category.id()),
					links.check(category, errors)))
			.toList();
		List<Translations.Translation> translations;
		try {
			translations = Translations.read(dir, site, served, redirects, parser, withDrafts, showDrafts, fileLinks,
					errors);
		}
		catch (IOException ex) {
			errors.add(new ContentError(dir, 0, "cannot list the translation folders: " + ex.getMessage()));
			translations = List.of();
		}
		fileFacts.retainOnly(fileLinks.used().stream().map(ServedFile::file).collect(Collectors.toSet()));
		return new Reading(site, categories, fileLinks.served(), errors, unreadable, draftsLeftOut, translations);
	}

	/**
	 * The checks of footnotes and callouts, for each part of {@code category} that is
	 * rendered on its own.
	 */
	static void checkMarkup(ParsedCategory category, List<ContentError> errors) {
		for (List<MarkdownBlock> part : category.outline().parts()) {
			Footnotes.check(part, category.file(), errors);
			Callouts.check(part, category.file(), errors);
		}
	}

	/**
	 * Each category file's path in the folder (a translation's in its language folder),
	 * and the date each answer last changed, from git.
	 */
	private Sources sources(Path dir, Reading reading) {
		List<ResolvedCategory> all = new ArrayList<>(reading.categories());
		reading.translations().forEach(translation -> all.addAll(translation.categories().values()));
		Path root = dir.toAbsolutePath().normalize();
		Map<Path, String> paths = new LinkedHashMap<>();
		all.forEach(category -> paths.put(category.parsed().file(),
				root.relativize(category.parsed().file().toAbsolutePath().normalize())
					.toString()
					.replace(root.getFileSystem().getSeparator(), "/")));
		Map<Path, LocalDate[]> lines = history != null ? history.lineDates(dir, paths.keySet()) : Map.of();
		return new Sources(paths, GitHistory.answerDates(all, lines));
	}

	/** How many of the default language's questions each translation translates. */
	private static List<ContentCheck.Coverage> coverage(Reading reading) {
		long questions = reading.categories().stream().mapToLong(c -> c.parsed().outline().questionIds().size()).sum();
		return reading.translations()
			.stream()
			.map(translation -> new ContentCheck.Coverage(translation.language(),
					translation.categories()
						.values()
						.stream()
						.mapToLong(c -> c.parsed().outline().questionIds().size())
						.sum(),
					questions))
			.toList();
	}

	/**
	 * Each question id, then each old id kept by a redirect, of every category in order.
	 */
	private static List<ContentCheck.Address> addresses(List<ResolvedCategory> categories) {
		List<ContentCheck.Address> addresses = new ArrayList<>();
		for (ResolvedCategory resolved : categories) {
			ParsedCategory category = resolved.parsed();
			category.outline()
				.sections()
				.forEach(section -> section.questions()
					.forEach(question -> addresses.add(new ContentCheck.Address(category.id(), question.id(),
							category.file(), question.line(), false))));
			category.frontMatter()
				.redirects()
				.forEach((oldId, entry) -> addresses
					.add(new ContentCheck.Address(category.id(), oldId, category.file(), entry.line(), true)));
		}
		return addresses;
	}

	/**
	 * What the phases before rendering found.
	 *
	 * @param categories the categories served (drafts only when shown), in file name
	 * order
	 * @param files the folder's images and files that they, and the translations, use
	 * @param unreadable categories whose file could not be read as a category at all
	 */
	private record Reading(SiteInfo site, List<ResolvedCategory> categories, ServedFiles files,
			List<ContentError> errors, Set<String> unreadable, boolean draftsLeftOut,
			List<Translations.Translation> translations) {

		static Reading failed(ContentError error) {
			return new Reading(SiteInfo.DEFAULTS, List.of(), ServedFiles.NONE, List.of(error), Set.of(), false,
					List.of());
		}

	}

}
