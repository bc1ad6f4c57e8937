package dev.faqkb.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the translation folders of a content folder and makes each one's catalog. A
 * subfolder with category files (or a {@code site.yml}) is a translation, named by its
 * BCP 47 tag ({@code fr}, {@code pt-BR}); other folders (pictures, files) are not read. A
 * translated category has the file name of its original, and each of its questions the id
 * of its original ({@code ## Qu'est-ce que Python ? {#what-is-python}}): a translation
 * has the addresses, order, sections and redirects of the default language, and its own
 * words.
 */
final class Translations {

	private Translations() {
	}

	/**
	 * One translation folder, read and checked against the default language.
	 *
	 * @param categories the translated categories served, by id (the original's)
	 */
	record Translation(String language, Path dir, SiteInfo site, Map<String, ResolvedCategory> categories) {
	}

	/** The subfolders of {@code dir} that hold a translation, sorted by name. */
	static List<Path> folders(Path dir) throws IOException {
		try (Stream<Path> listing = Files.list(dir)) {
			List<Path> folders = new ArrayList<>();
			for (Path folder : listing.filter(Files::isDirectory).sorted().toList()) {
				if (!folder.getFileName().toString().startsWith(".") && (Files.isRegularFile(folder.resolve("site.yml"))
						|| !ContentFolder.categoryFiles(folder).isEmpty())) {
					folders.add(folder);
				}
			}
			return folders;
		}
	}

	/**
	 * Reads every translation folder of {@code dir}; mistakes are added to {@code errors}
	 * as {@code path:line}.
	 * @param site the default language's settings
	 * @param served the default language's categories served, by id
	 * @param redirects their checked redirects, which links in translations may follow
	 * too
	 * @param parser reads category files as the default language's are read
	 * @param drafts reads a file with its drafts, to tell a translation of a draft from
	 * one of nothing
	 * @param files checks the images and files that translations use, and keeps them with
	 * the default language's
	 */
	static List<Translation> read(Path dir, SiteInfo site, Map<String, ParsedCategory> served,
			Map<String, Map<String, Redirect>> redirects, CategoryParser parser, CategoryParser drafts,
			boolean showDrafts, FileLinks files, List<ContentError> errors) throws IOException {
		List<Translation> translations = new ArrayList<>();
		LinkChecker links = new LinkChecker(served, redirects, showDrafts, files);
		for (Path folder : folders(dir)) {
			String language = folder.getFileName().toString();
			Optional<String> problem = LanguageTags.problem(language);
			if (problem.isPresent()) {
				errors.add(new ContentError(folder, 0, "a folder with category files is a translation, named by its "
						+ "language tag: " + problem.get()));
				continue;
			}
			if (language.equals(site.language())) {
				errors.add(new ContentError(folder, 0, "'" + language + "' is the default language ('language' in "
						+ "site.yml, default en): its categories are the files of " + dir + " itself"));
				continue;
			}
			SiteInfo translatedSite = SiteFile.readTranslation(folder, language, site, errors);
			Map<String, ResolvedCategory> categories = new LinkedHashMap<>();
			for (Path file : ContentFolder.categoryFiles(folder)) {
				Optional<ParsedCategory> parsed = parser.parse(file, errors);
				if (parsed.isEmpty()) {
					continue;
				}
				ParsedCategory translated = parsed.get();
				ParsedCategory original = served.get(translated.id());
				if (original == null) {
					if (!Files.exists(dir.resolve(translated.id() + ".md"))) {
						errors.add(new ContentError(file, 0, "a translation of the category '" + translated.id()
								+ "', which does not exist: there is no " + translated.id() + ".md in " + dir));
					}
					continue; // the original is a draft, or cannot be read (its own
								// errors say why)
				}
				translated.frontMatter()
					.redirects()
					.forEach((oldId,
							entry) -> errors.add(new ContentError(file, entry.line(), "redirect from '" + oldId
									+ "': redirects belong in " + original.file()
									+ ", the default language's file; a translation has its original's addresses")));
				if (translated.frontMatter().draft() && !showDrafts) {
					continue;
				}
				ParsedCategory known = withOriginalIds(translated, original, drafts, errors);
				ContentLoader.checkMarkup(known, errors);
				categories.put(known.id(), new ResolvedCategory(known, Map.of(), links.check(known, errors)));
			}
			translations.add(new Translation(language, folder, translatedSite, categories));
		}
		return translations;
	}

	/**
	 * The translated category with only the questions whose original is served; an id
	 * that no question of the original has (draft or not) is an error.
	 */
	private static ParsedCategory withOriginalIds(ParsedCategory translated, ParsedCategory original,
			CategoryParser drafts, List<ContentError> errors) {
		Set<String> ids = original.outline().questionIds();
		Set<String> draftIds = null;
		List<Outline.Section> sections = new ArrayList<>();
		for (Outline.Section section : translated.outline().sections()) {
			List<Outline.Question> questions = new ArrayList<>();
			for (Outline.Question question : section.questions()) {
				if (ids.contains(question.id())) {
					questions.add(question);
					continue;
				}
				if (draftIds == null) {
					draftIds = drafts.parse(original.file(), new ArrayList<>())
						.map(withDrafts -> withDrafts.outline().questionIds())
						.orElse(Set.of());
				}
				if (!draftIds.contains(question.id())) {
					errors.add(new ContentError(translated.file(), question.line(), "'" + question.id()
							+ "' is not the id of a question in " + original.file() + ": a translated question gives "
							+ "its original's id at the end of its heading, like {#" + firstId(original) + "}"));
				}
			}
			sections.add(new Outline.Section(section.id(), section.title(), section.intro(), questions));
		}
		Outline outline = translated.outline();
		Set<String> kept = new java.util.LinkedHashSet<>();
		sections.forEach(section -> section.questions().forEach(question -> kept.add(question.id())));
		return new ParsedCategory(translated.file(), translated.id(), translated.frontMatter(), new Outline(
				outline.document(), outline.intro(), sections, kept, outline.sectionIds(), outline.draftsLeftOut()));
	}

	/** An id to show as an example: the original's first question's. */
	private static String firstId(ParsedCategory original) {
		return original.outline()
			.sections()
			.stream()
			.flatMap(section -> section.questions().stream())
			.map(Outline.Question::id)
			.findFirst()
			.orElse("question-id");
	}

	/**
	 * The catalog of a translation: every category and question of {@code original} in
	 * its place, each translated where the translation has it, at the addresses under the
	 * language's tag.
	 * @param rendered the translation's categories rendered, by id
	 */
	static Catalog catalog(Catalog original, Translation translation, Map<String, Category> rendered) {
		String base = Editions.base(translation.language());
		List<Category> categories = original.categories()
			.stream()
			.map(category -> merge(category, rendered.get(category.id()), base))
			.toList();
		return new Catalog(translation.site(), categories, base, original.files(), original.sources());
	}

	/**
	 * The original category at {@code base}, with what {@code translated} (or
	 * {@code null}) translates of it.
	 */
	private static Category merge(Category original, Category translated, String base) {
		Map<String, Question> questions = new HashMap<>();
		Map<String, Section> sectionOf = new HashMap<>();
		if (translated != null) {
			for (Section section : translated.sections()) {
				for (Question question : section.questions()) {
					questions.put(question.id(), question);
					sectionOf.put(question.id(), section);
				}
			}
		}
		List<Section> sections = new ArrayList<>();
		for (Section section : original.sections()) {
			// a section's title and intro are those of the translated section that holds
			// its first translated question
			Section words = section.questions()
				.stream()
				.map(question -> sectionOf.get(question.id()))
				.filter(found -> found != null && (found.title() == null) == (section.title() == null))
				.findFirst()
				.orElse(section);
			sections.add(new Section(section.id(), words.title(), Editions.rebase(words.introHtml(), base),
					section.questions()
						.stream()
						.map(question -> questions.getOrDefault(question.id(), question).servedAt(base))
						.toList(),
					words.lang()));
		}
		Category words = translated != null ? translated : original;
		Map<String, Redirect> redirects = new LinkedHashMap<>();
		original.redirects().forEach((oldId, to) -> redirects.put(oldId, new Redirect(to.category(), to.id(), base)));
		return new Category(original.id(), words.title(), words.description(), original.order(),
				Editions.rebase(words.introHtml(), base), sections, words.source(),
				translated != null && translated.updated() != null ? translated.updated() : original.updated(),
				redirects, original.draft(), words.lang(), base);
	}

}
