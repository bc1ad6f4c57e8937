package dev.faqkb.web;

import java.text.BreakIterator;
import java.util.Locale;

import dev.faqkb.system.PlainText;

/**
 * What a page worth sharing (home, category, question) tells search engines and link
 * previews. The layout gives pages without one (search results, errors, admin)
 * {@code noindex} and no Open Graph tags.
 *
 * @param title the page's own title, without the site's (Open Graph adds the site name
 * itself)
 * @param description one or two sentences, at most {@value #DESCRIPTION_LENGTH}
 * characters; may be empty
 * @param canonical the page's address: absolute when {@code site.yml} gives
 * {@code baseUrl}, a path otherwise
 * @param type the Open Graph type: {@code website} or {@code article}
 * @param structuredData schema.org JSON-LD, already safe inside a {@code <script>}
 * element
 */
record PageMeta(String title, String description, String canonical, String type, String structuredData) {

	/** Search engines show about this much of a description. */
	static final int DESCRIPTION_LENGTH = 160;

	/**
	 * A first sentence shorter than this ("Yes.") says too little alone, so the next one
	 * joins it.
	 */
	private static final int SHORT_SENTENCE = 60;

	/**
	 * How much of a text a summary reads: enough for any description, however much
	 * whitespace it has.
	 */
	private static final int SUMMARY_SOURCE = 4096;

	/** Whether {@link #canonical} is absolute, as Open Graph's {@code og:url} must be. */
	public boolean absolute() {
		return canonical.startsWith("http://") || canonical.startsWith("https://");
	}

	/**
	 * The opening of {@code text} as a description: its first sentence (two when the
	 * first is short), cut at a word with an ellipsis when longer than
	 * {@value #DESCRIPTION_LENGTH} characters.
	 */
	static String summary(String text) {
		String plain = text == null ? "" : PlainText.cut(text, SUMMARY_SOURCE).replaceAll("\\s+", " ").strip();
		BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
		sentences.setText(plain);
		int end = sentences.next();
		while (end != BreakIterator.DONE && end < SHORT_SENTENCE) {
			int next = sentences.next();
			if (next == BreakIterator.DONE || next > DESCRIPTION_LENGTH) {
				break;
			}
			end = next;
		}
		String summary = end == BreakIterator.DONE ? plain : plain.substring(0, end).strip();
		return shorten(summary);
	}

	/**
	 * {@code text} cut at a word boundary to at most {@value #DESCRIPTION_LENGTH}
	 * characters, with "…" when cut.
	 */
	static String shorten(String text) {
		return shorten(text, DESCRIPTION_LENGTH);
	}

	/**
	 * {@code text} cut at a word boundary to at most {@code max} characters, with "…"
	 * when cut.
	 */
	static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max - 1);
		return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
	}

}
