package dev.faqkb.search.semantic;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells out the compound identifiers the model cannot read. Its tokenizer knows about
 * 30,000 word pieces: a word it lacks, such as {@code atexit} or {@code isinstance}, is
 * cut into pieces that carry no meaning ("ate", "##xi", "##t"), so an answer about
 * {@code atexit} does not read as one about exiting. Written once as "atexit (at exit)",
 * it does, and the identifier itself is still there for a query that types it. Immutable.
 * <p>
 * A run of letters is spelled out when the vocabulary lacks it as a whole word and it
 * splits into two of the {@value #COMMON} most common words, of at least two letters
 * each; of several such cuts, the most even one wins. Common words only, because the rare
 * ones make nonsense of ordinary words ("beg inner", "wind owing"). CamelCase needs
 * nothing more: the model lowercases, and {@code ImportModule} splits the same way.
 */
final class Compounds {

	// a whole run of letters: a longer one (a hash, a made-up word) is not a compound of
	// two words
	private static final Pattern LETTERS = Pattern.compile("(?<![A-Za-z])[A-Za-z]{5,32}(?![A-Za-z])");

	private static final int MIN_PART = 2;

	/** How many of the most common words a compound may be made of. */
	static final int COMMON = 5_000;

	private final Set<String> words;

	private final Set<String> common;

	/**
	 * @param words the whole words of the model's vocabulary, lowercase, the most common
	 * first
	 */
	Compounds(List<String> words) {
		this.words = Set.copyOf(words);
		this.common = Set.copyOf(words.subList(0, Math.min(COMMON, words.size())));
	}

	/**
	 * {@code text} with each compound the model would not read followed by its words in
	 * parentheses.
	 */
	String readable(String text) {
		Matcher run = LETTERS.matcher(text);
		StringBuilder readable = null;
		int copied = 0;
		while (run.find()) {
			String split = split(run.group().toLowerCase(Locale.ROOT));
			if (split == null) {
				continue;
			}
			if (readable == null) {
				readable = new StringBuilder(text.length() + 32);
			}
			readable.append(text, copied, run.end()).append(" (").append(split).append(')');
			copied = run.end();
		}
		return readable == null ? text : readable.append(text, copied, text.length()).toString();
	}

	/**
	 * The two words of a compound, or {@code null} when it is a word or no cut gives two.
	 */
	String split(String lowercase) {
		if (words.contains(lowercase)) {
			return null;
		}
		String best = null;
		int bestShorter = 0;
		for (int cut = MIN_PART; cut <= lowercase.length() - MIN_PART; cut++) {
			int shorter = Math.min(cut, lowercase.length() - cut);
			if (shorter > bestShorter && common.contains(lowercase.substring(0, cut))
					&& common.contains(lowercase.substring(cut))) {
				best = lowercase.substring(0, cut) + " " + lowercase.substring(cut);
				bestShorter = shorter;
			}
		}
		return best;
	}

}
