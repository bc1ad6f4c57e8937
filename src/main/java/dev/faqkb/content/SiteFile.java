package dev.faqkb.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the optional {@code site.yml} into {@link SiteInfo}.
 */
final class SiteFile {

	static final Set<String> KEYS = new LinkedHashSet<>(
			List.of("title", "description", "baseUrl", "popularQuestions", "language", "editUrl"));

	/**
	 * What a translation's own {@code site.yml} may say; the rest is the default
	 * language's.
	 */
	static final Set<String> TRANSLATION_KEYS = new LinkedHashSet<>(List.of("title", "description"));

	private SiteFile() {
	}

	/** Folder names that name no site: a site in one of them is titled "FAQ". */
	private static final Set<String> GENERIC_FOLDERS = Set.of("content", "contents", "docs", "doc", "faq", "faqs",
			"data", "site", "src", "app", "www", "html", "public", "pages");

	/**
	 * The settings of {@code site.yml} in {@code dir}; the defaults when there is none or
	 * it cannot be read.
	 */
	static SiteInfo read(Path dir, List<ContentError> errors) {
		Path file = dir.resolve("site.yml");
		SiteInfo defaults = new SiteInfo(defaultTitle(dir), SiteInfo.DEFAULTS.description(),
				SiteInfo.DEFAULTS.baseUrl(), SiteInfo.DEFAULTS.popularQuestions());
		if (!Files.isRegularFile(file)) {
			return defaults;
		}
		String text = ContentFolder.read(file, errors);
		if (text == null) {
			return defaults;
		}
		YamlMapping yaml = YamlMapping.parse(text, file, 0, KEYS, errors);
		String baseUrl = yaml.string("baseUrl", SiteInfo.DEFAULTS.baseUrl());
		if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^\\s]+")) {
			errors.add(new ContentError(file, yaml.line("baseUrl"), "'baseUrl' must start with http:// or https://"));
		}
		String language = yaml.string("language", SiteInfo.DEFAULT_LANGUAGE);
		LanguageTags.problem(language)
			.ifPresent(problem -> errors.add(new ContentError(file, yaml.line("language"), "'language': " + problem)));
		String editUrl = yaml.string("editUrl", SiteInfo.DEFAULTS.editUrl());
		if (!editUrl.isEmpty() && !editUrl.matches("https?://[^\\s]+")) {
			errors.add(new ContentError(file, yaml.line("editUrl"), "'editUrl' must start with http:// or https://"));
		}
		return new SiteInfo(yaml.string("title", defaults.title()),
				yaml.string("description", SiteInfo.DEFAULTS.description()), baseUrl.replaceAll("/+$", ""),
				yaml.bool("popularQuestions", SiteInfo.DEFAULTS.popularQuestions()), language,
				// a file's path follows it: one '/' between them
				editUrl.isEmpty() || editUrl.endsWith("/") ? editUrl : editUrl + "/");
	}

	/**
	 * The title of a site whose {@code site.yml} gives none: the content folder's name in
	 * words ({@code python-faq} is "Python FAQ", {@code acme_help} "Acme Help"), or "FAQ"
	 * when the name says nothing about the site ({@code content}, {@code docs}, ...).
	 */
	static String defaultTitle(Path dir) {
		Path name = dir.toAbsolutePath().normalize().getFileName();
		String folder = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
		if (GENERIC_FOLDERS.contains(folder) || !folder.matches(".*\\p{L}.*")) {
			return SiteInfo.DEFAULTS.title();
		}
		return Arrays.stream(folder.split("[-_.\\s]+"))
			.filter(word -> !word.isEmpty())
			.map(word -> word.equals("faq") || word.equals("faqs") ? word.toUpperCase(Locale.ROOT)
					: word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
			.collect(Collectors.joining(" "));
	}

	/**
	 * The settings of a translation in {@code dir} (named by its language tag): its own
	 * {@code site.yml} may give a title and description, the rest is the default
	 * language's {@code site}.
	 */
	static SiteInfo readTranslation(Path dir, String language, SiteInfo site, List<ContentError> errors) {
		SiteInfo translated = new SiteInfo(site.title(), site.description(), site.baseUrl(), site.popularQuestions(),
				language, site.editUrl());
		Path file = dir.resolve("site.yml");
		if (!Files.isRegularFile(file)) {
			return translated;
		}
		String text = ContentFolder.read(file, errors);
		if (text == null) {
			return translated;
		}
		YamlMapping yaml = YamlMapping.parse(text, file, 0, TRANSLATION_KEYS, errors);
		return new SiteInfo(yaml.string("title", site.title()), yaml.string("description", site.description()),
				site.baseUrl(), site.popularQuestions(), language, site.editUrl());
	}

}
