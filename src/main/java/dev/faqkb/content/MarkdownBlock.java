package dev.faqkb.content;

import java.util.List;
import java.util.Set;

/**
 * One top-level block of a {@link MarkdownDocument}: what the content rules need to know of it, without Flexmark.
 *
 * @param index its position among the document's top-level blocks
 * @param line the file line it starts on
 * @param start offset of its first character in the parsed text
 * @param end offset just after its last character
 * @param heading what it says when it is a heading (of any level), else {@code null}
 * @param links every link and image in it, inline ({@code [text](url)}, {@code ![alt](url)}) or by reference, in order
 */
record MarkdownBlock(int index, int line, int start, int end, Heading heading, List<Link> links) {

	MarkdownBlock {
		links = List.copyOf(links);
	}

	/**
	 * @param text the heading as plain text, without its attributes
	 * @param id the explicit {@code {#id}} at its end, or {@code null}
	 * @param classes the {@code {.class}} names at its end
	 */
	record Heading(int level, String text, String id, Set<String> classes) {

		Heading {
			classes = Set.copyOf(classes);
		}

	}

	/**
	 * @param url the address as written in the file (for a link by reference, in its definition)
	 * @param image whether it is an image ({@code ![alt](url)}) rather than a link
	 * @param alt an image's alt text as plain text; empty for a link
	 * @param decorative whether an image is marked {@code {.decorative}}, so that it needs no alt text
	 */
	record Link(String url, int line, boolean image, String alt, boolean decorative) {

		Link(String url, int line) {
			this(url, line, false, "", false);
		}

	}

}
