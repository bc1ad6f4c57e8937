package dev.faqkb.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks each link from a category to another content file or a question, and says which
 * address it becomes: {@code other.md#id} and {@code #id} to {@code /faq/other#id},
 * {@code other.md} to {@code /faq/other}, and an old id to where its redirect points.
 * Links and images to other files of the folder are checked by {@link FileLinks} and
 * become the file's address. Every image needs alt text, or the {@code {.decorative}}
 * mark. Links with a scheme or from the site root are left as written.
 */
final class LinkChecker {

	// A scheme (https:, mailto:) or a path from the site root: not a link between content
	// files.
	private static final Pattern EXTERNAL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|/).*");

	private final Map<String, ParsedCategory> categories;

	private final Map<String, Map<String, Redirect>> redirects;

	private final boolean showDrafts;

	private final FileLinks files;

	/**
	 * @param categories every category served, by id
	 * @param redirects the checked redirects of each of them
	 * @param showDrafts whether drafts are served, which the message for a missing file
	 * mentions
	 * @param files checks links to the folder's other files, and keeps those used
	 */
	LinkChecker(Map<String, ParsedCategory> categories, Map<String, Map<String, Redirect>> redirects,
			boolean showDrafts, FileLinks files) {
		this.categories = categories;
		this.redirects = redirects;
		this.showDrafts = showDrafts;
		this.files = files;
	}

	/**
	 * Checks the links of everything the category serves: the intro, each section's intro
	 * and each answer.
	 * @return the address for each link URL that is to be rewritten
	 */
	Map<String, String> check(ParsedCategory category, List<ContentError> errors) {
		Map<String, String> targets = new HashMap<>();
		for (Outline.Section section : category.outline().sections()) {
			check(category, section.intro(), targets, errors);
			section.questions().forEach(question -> check(category, question.answer(), targets, errors));
		}
		check(category, category.outline().intro(), targets, errors);
		return targets;
	}

	private void check(ParsedCategory category, List<MarkdownBlock> blocks, Map<String, String> targets,
			List<ContentError> errors) {
		for (MarkdownBlock block : blocks) {
			for (MarkdownBlock.Link link : block.links()) {
				String target = target(category, link, errors);
				if (target != null) {
					targets.put(link.url(), target);
				}
			}
		}
	}

	/**
	 * The address the link becomes, or {@code null} when it stays as written or is broken
	 * (an error says so).
	 */
	private String target(ParsedCategory category, MarkdownBlock.Link link, List<ContentError> errors) {
		String url = link.url();
		if (link.image() && link.alt().isBlank() && !link.decorative()) {
			errors.add(new ContentError(category.file(), link.line(),
					"image '" + url + "' has no alt text: say what it shows, ![like this](" + url
							+ "), for readers who cannot see it; an image that only decorates says so with ![](" + url
							+ "){." + MarkdownRenderer.DECORATIVE + "}"));
		}
		if (url.isEmpty() || EXTERNAL.matcher(url).matches()) {
			return null;
		}
		int hash = url.indexOf('#');
		String path = hash >= 0 ? url.substring(0, hash) : url;
		String fragment = hash >= 0 ? url.substring(hash + 1) : "";
		if (link.image() || !path.isEmpty() && !path.endsWith(".md")) {
			return files.target(category, link, errors).orElse(null);
		}
		String targetId = path.isEmpty() ? category.id() : path.replaceFirst("^\\./", "").replaceFirst("\\.md$", "");
		ParsedCategory target = categories.get(targetId);
		if (target == null) {
			errors.add(new ContentError(category.file(), link.line(), "broken link to '" + url + "': there is no "
					+ path + (showDrafts ? "" : " (or it is a draft)") + " in the content folder"));
			return null;
		}
		Map<String, Redirect> targetRedirects = redirects.getOrDefault(targetId, Map.of());
		if (fragment.isEmpty()) {
			return "/faq/" + target.id();
		}
		if (target.hasAnchor(fragment)) {
			return "/faq/" + target.id() + "#" + fragment;
		}
		if (targetRedirects.containsKey(fragment)) {
			return targetRedirects.get(fragment).anchorUrl();
		}
		errors.add(new ContentError(category.file(), link.line(), "broken link to '" + url + "': "
				+ target.file().getFileName() + " has no question with id '" + fragment + "'"));
		return null;
	}

}
