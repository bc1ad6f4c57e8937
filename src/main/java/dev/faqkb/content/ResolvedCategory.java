package dev.faqkb.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed category whose redirects and links are checked: all that rendering it needs.
 *
 * @param redirects old id to where its question is now
 * @param linkTargets the address each link to content is rewritten to, by its URL as
 * written
 */
record ResolvedCategory(ParsedCategory parsed, Map<String, Redirect> redirects, Map<String, String> linkTargets) {

	ResolvedCategory {
		redirects = Collections.unmodifiableMap(new LinkedHashMap<>(redirects));
		linkTargets = Map.copyOf(linkTargets);
	}

}
