package dev.faqkb.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code redirects:} of a category's front matter against the questions of
 * every category.
 */
final class Redirects {

	private Redirects() {
	}

	/**
	 * @param all every category served, by id
	 * @return old id to where its question is now, for each entry without a mistake
	 */
	static Map<String, Redirect> resolve(ParsedCategory category, Map<String, ParsedCategory> all,
			List<ContentError> errors) {
		Map<String, Redirect> redirects = new LinkedHashMap<>();
		category.frontMatter().redirects().forEach((oldId, entry) -> {
			String target = entry.value();
			int hash = target.indexOf('#');
			String targetCategory = hash >= 0 ? target.substring(0, hash).replaceFirst("\\.md$", "") : category.id();
			String targetId = hash >= 0 ? target.substring(hash + 1) : target;
			if (!Slugs.isValidId(oldId)) {
				// Old ids were question ids, and only valid ids reach the category page's
				// redirect map.
				errors.add(new ContentError(category.file(), entry.line(),
						"redirect from '" + oldId + "': not a valid id (use letters, digits, '-' and '_')"));
			}
			else if (category.outline().questionIds().contains(oldId)) {
				errors.add(new ContentError(category.file(), entry.line(),
						"redirect from '" + oldId + "', but a question in this file still has that id"));
			}
			else if (!all.containsKey(targetCategory)
					|| !all.get(targetCategory).outline().questionIds().contains(targetId)) {
				errors.add(new ContentError(category.file(), entry.line(),
						"redirect '" + oldId + "' points to '" + target + "', which does not exist"));
			}
			else {
				redirects.put(oldId, new Redirect(targetCategory, targetId));
			}
		});
		return redirects;
	}

}
