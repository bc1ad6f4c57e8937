package dev.faqkb.content;

import java.util.List;
import java.util.Set;

/**
 * One top-level block of a {@link MarkdownDocument}: what the content rules need to know
 * of it, without Flexmark.
 *
 * @param index its position among the document's top-level blocks
 * @param line the file line it starts on
 * @param start offset of its first character in the parsed text
 * @param end offset just after its last character
 * @param heading what it says when it is a heading (of any level), else {@code null}
 * @param links every link and image in it, inline ({@code [text](url)},
 * {@code ![alt](url)}) or by reference, in order
 * @param footnotes every footnote reference ({@code [^1]}) and definition
 * ({@code [^1]: ...}) in it, in order
 * @param unknownCallouts the markers of quotes in it that start like a callout of a type
 * there is not ({@code > [!WARN]})
 */
record MarkdownBlock(int index, int line, int start, int end, Heading heading, List<Link> links,
		List<Footnote> footnotes, List<Marker> unknownCallouts) {

	MarkdownBlock {
		links = List.copyOf(links);
		footnotes = List.copyOf(footnotes);
		unknownCallouts = List.copyOf(unknownCallouts);
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
	 * @param label as matched ({@link Footnotes#label})
	 * @param definition whether it is the note ({@code [^1]: ...}) rather than a
	 * reference to it
	 */
	record Footnote(String label, int line, boolean definition) {
	}

	/**
	 * @param type a callout marker's type, upper case: {@code WARN} for {@code [!warn]}
	 */
	record Marker(String type, int line) {
	}

	/**
	 * @param url the address as written in the file (for a link by reference, in its
	 * definition)
	 * @param image whether it is an image ({@code ![alt](url)}) rather than a link
	 * @param alt an image's alt text as plain text; empty for a link
	 * @param decorative whether an image is marked {@code {.decorative}}, so that it
	 * needs no alt text
	 */
	record Link(String url, int line, boolean image, String alt, boolean decorative) {

		Link(String url, int line) {
			this(url, line, false, "", false);
		}

	}

}
