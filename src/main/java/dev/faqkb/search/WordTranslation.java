package dev.faqkb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;

/**
 * A translation's words carried into its original's, learnt from the site itself: every
 * translated question names its original by id, so the two catalogs are a parallel text
 * (each question with its question, each answer paragraph with its paragraph when the
 * answers have as many). From it, IBM Model 1 (Brown et al., 1993) learns for each stem
 * of the translation the original word most likely to stand for it. A query then reads in
 * the original's language as a list of its words ("nombres aléatoires" as "number
 * random"), for the original's embedding model. Immutable once learnt; thread-safe.
 * <p>
 * Written by hand: the word aligners (GIZA++, fast_align, the Berkeley aligner) are
 * native tools or unmaintained, none on Maven Central, and Model 1 is a few loops over
 * arrays.
 */
final class WordTranslation {

	/** Rounds of expectation-maximisation: the table hardly changes after these. */
	static final int ROUNDS = 8;

	/** The words of a paragraph or answer that are aligned: the first ones. */
	static final int SEGMENT_WORDS = 80;

	/**
	 * The most word pairs (one translation word, one original word, in the same segment)
	 * learnt from, which bounds the memory and time of learning on a large site (under 30
	 * bytes while learning, and {@link #ROUNDS} steps of work, each): every question,
	 * then the answers in catalog order until it is reached.
	 */
	static final long MAX_PAIRS = 2_000_000;

	/**
	 * Below this probability a stem has no reliable translation and is kept as typed
	 * (names, code and words the site never translates).
	 */
	static final float MIN_PROBABILITY = 0.1f;

	// translation stem -> the original's word, as it is written
	private final Map<String, String> table;

	private final Analyzers words;

	private WordTranslation(Map<String, String> table, Analyzers words) {
		this.table = table;
		this.words = words;
	}

	/**
	 * Learns the table of a translation, from its questions translated (the untranslated
	 * ones it shows are left out) and their originals.
	 * @param translationWords the analysis of the translation's language
	 * @param originalWords the analysis of the original's language
	 */
	static WordTranslation learn(Catalog translation, Analyzers translationWords, Catalog original,
			Analyzers originalWords) {
		Vocabulary from = new Vocabulary();
		Vocabulary to = new Vocabulary();
		// null of the translation side: words of the original that translate nothing
		from.id("");
		List<int[][]> segments = new ArrayList<>();
		List<Question[]> pairs = new ArrayList<>();
		for (Question translated : translation.questions()) {
			if (translated.lang().equals(translation.language())) {
				original.question(translated.category(), translated.id())
					.ifPresent(source -> pairs.add(new Question[] { translated, source }));
			}
		}
		// the questions first, then their answers while the budget lasts
		long[] budget = { MAX_PAIRS };
		for (Question[] pair : pairs) {
			add(segments, pair[0].text(), pair[1].text(), from, to, translationWords, originalWords, budget);
		}
		for (Question[] pair : pairs) {
			String[] paragraphs = pair[0].answerText().split("\n\n");
			String[] sourceParagraphs = pair[1].answerText().split("\n\n");
			if (paragraphs.length == sourceParagraphs.length) {
				for (int i = 0; i < paragraphs.length; i++) {
					add(segments, paragraphs[i], sourceParagraphs[i], from, to, translationWords, originalWords,
							budget);
				}
			}
			else {
				add(segments, pair[0].answerText(), pair[1].answerText(), from, to, translationWords, originalWords,
						budget);
			}
		}
		return new WordTranslation(train(segments, from, to), translationWords);
	}

	/**
	 * Adds a pair of segments, unless the budget of word pairs is spent.
	 */
	private static void add(List<int[][]> segments, String text, String sourceText, Vocabulary from, Vocabulary to,
			Analyzers translationWords, Analyzers originalWords, long[] budget) {
		if (budget[0] <= 0) {
			return;
		}
		int[] f = from.ids(translationWords.indexTokens(text), false);
		int[] e = to.ids(originalWords.indexTokens(sourceText), true);
		if (f.length > 0 && e.length > 0) {
			budget[0] -= (long) (f.length + 1) * e.length;
			int[] withNull = Arrays.copyOf(new int[] { 0 }, f.length + 1);
			System.arraycopy(f, 0, withNull, 1, f.length);
			segments.add(new int[][] { withNull, e });
		}
	}

	/**
	 * Model 1's rounds over every pair of words that share a segment, the probability of
	 * each pair in one array.
	 */
	private static Map<String, String> train(List<int[][]> segments, Vocabulary from, Vocabulary to) {
		// the distinct pairs, as (translation word << 32 | original word), sorted
		long[] all = new long[segments.stream().mapToInt(segment -> segment[0].length * segment[1].length).sum()];
		int n = 0;
		for (int[][] segment : segments) {
			for (int f : segment[0]) {
				for (int e : segment[1]) {
					all[n++] = pair(f, e);
				}
			}
		}
		Arrays.sort(all);
		long[] pairs = Arrays.stream(all).distinct().toArray();
		// each segment's pairs as slots of that array, row by row (original word, then
		// translation word)
		int[][] slots = new int[segments.size()][];
		for (int s = 0; s < slots.length; s++) {
			int[] f = segments.get(s)[0];
			int[] e = segments.get(s)[1];
			slots[s] = new int[f.length * e.length];
			for (int j = 0; j < e.length; j++) {
				for (int i = 0; i < f.length; i++) {
					slots[s][j * f.length + i] = Arrays.binarySearch(pairs, pair(f[i], e[j]));
				}
			}
		}
		float[] probability = new float[pairs.length];
		Arrays.fill(probability, 1f / Math.max(1, to.size()));
		float[] counts = new float[pairs.length];
		float[] totals = new float[from.size()];
		for (int round = 0; round < ROUNDS; round++) {
			Arrays.fill(counts, 0f);
			Arrays.fill(totals, 0f);
			for (int s = 0; s < slots.length; s++) {
				int[] f = segments.get(s)[0];
				int[] e = segments.get(s)[1];
				for (int j = 0; j < e.length; j++) {
					float sum = 0f;
					for (int i = 0; i < f.length; i++) {
						sum += probability[slots[s][j * f.length + i]];
					}
					for (int i = 0; i < f.length; i++) {
						int slot = slots[s][j * f.length + i];
						float share = probability[slot] / sum;
						counts[slot] += share;
						totals[f[i]] += share;
					}
				}
			}
			for (int p = 0; p < pairs.length; p++) {
				probability[p] = counts[p] / totals[(int) (pairs[p] >>> 32)];
			}
		}
		Map<String, String> table = new HashMap<>();
		float[] best = new float[from.size()];
		int[] bestWord = new int[from.size()];
		Arrays.fill(bestWord, -1);
		for (int p = 0; p < pairs.length; p++) {
			int f = (int) (pairs[p] >>> 32);
			if (probability[p] > best[f]) {
				best[f] = probability[p];
				bestWord[f] = (int) pairs[p];
			}
		}
		for (int f = 1; f < best.length; f++) {
			if (best[f] >= MIN_PROBABILITY) {
				table.put(from.word(f), to.written(bestWord[f]));
			}
		}
		return table;
	}

	private static long pair(int f, int e) {
		return ((long) f << 32) | e;
	}

	/**
	 * The query as a list of the original's words: each word the table knows as its
	 * translation, every other as typed (names, code, words both languages share).
	 */
	String translate(String query) {
		Set<String> translated = new LinkedHashSet<>();
		for (Token token : words.queryTokens(query)) {
			String word = table.get(token.term());
			translated.add(word != null ? word : token.raw().toLowerCase(Locale.ROOT));
		}
		return String.join(" ", translated);
	}

	/** Words to numbers, and each number's most frequent written form. */
	private static final class Vocabulary {

		private final Map<String, Integer> ids = new HashMap<>();

		private final List<String> words = new ArrayList<>();

		private final List<Map<String, Integer>> writtenForms = new ArrayList<>();

		int id(String word) {
			Integer id = ids.get(word);
			if (id == null) {
				id = words.size();
				ids.put(word, id);
				words.add(word);
				writtenForms.add(new HashMap<>());
			}
			return id;
		}

		/** The distinct words of the first tokens, as numbers. */
		int[] ids(List<Token> tokens, boolean written) {
			Set<Integer> distinct = new LinkedHashSet<>();
			for (Token token : tokens) {
				if (distinct.size() == SEGMENT_WORDS) {
					break;
				}
				int id = id(token.term());
				distinct.add(id);
				if (written) {
					writtenForms.get(id).merge(token.raw().toLowerCase(Locale.ROOT), 1, Integer::sum);
				}
			}
			return distinct.stream().mapToInt(Integer::intValue).toArray();
		}

		int size() {
			return words.size();
		}

		String word(int id) {
			return words.get(id);
		}

		/**
		 * The form the word is most often written in (of equals, the first in
		 * alphabetical order).
		 */
		String written(int id) {
			return writtenForms.get(id)
				.entrySet()
				.stream()
				.max(Map.Entry.<String, Integer>comparingByValue()
					.thenComparing(Map.Entry.<String, Integer>comparingByKey().reversed()))
				.map(Map.Entry::getKey)
				.orElse(words.get(id));
		}

	}

}
