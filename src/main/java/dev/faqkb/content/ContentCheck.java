package dev.faqkb.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@link ContentLoader#check} found in a content folder.
 *
 * @param errors every error found, sorted by file and line; empty when the content can be
 * served
 * @param addresses every question id and every old id kept by a redirect in the served
 * (non-draft) content, known even when there are errors elsewhere
 * @param unreadable categories whose file exists but could not be read at all (its errors
 * say why), so their addresses are unknown
 * @param draftsLeftOut whether drafts were left out, so that a check with drafts shown
 * could find more
 * @param coverage how much of the default language each translation folder translates, by
 * language tag
 * @param language the BCP 47 tag of the default language ({@code site.yml}
 * {@code language:})
 */
public record ContentCheck(List<ContentError> errors, List<Address> addresses, Set<String> unreadable,
		boolean draftsLeftOut, List<Coverage> coverage, String language) {

	public ContentCheck {
		errors = errors.stream().sorted().toList();
		addresses = List.copyOf(addresses);
		unreadable = Set.copyOf(unreadable);
		coverage = List.copyOf(coverage);
	}

	/**
	 * @param translated the questions of the default language that the translation
	 * translates (drafts left out)
	 * @param questions the questions of the default language served
	 */
	public record Coverage(String language, long translated, long questions) {
	}

	/**
	 * An address someone may have linked to: {@code /faq/{category}/{id}} and
	 * {@code /faq/{category}#{id}}.
	 *
	 * @param line the line of the question's heading, or of the redirect entry
	 * @param redirect whether {@code id} is an old id kept alive by a redirect rather
	 * than a question's id
	 */
	public record Address(String category, String id, Path file, int line, boolean redirect) {
	}

}
