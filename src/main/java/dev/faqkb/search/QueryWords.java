package dev.faqkb.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one query searches for, chosen within the {@link QueryBudget}: the words (each
 * with its near spellings and, for an unknown compound, its parts), the identifiers, and
 * the words whose closeness counts. When a text asks for more than the budget, what
 * counts least is left out first, never the whole query: first the words after the
 * budget's number, then identifiers and the proximity of the later words, then near
 * spellings and parts.
 * <p>
 * Each part is charged the clauses that {@link QueryFactory} builds for it in its four
 * queries (the full query, matches, candidates, which hold matches once more, and the
 * highlight), so that {@link QueryBudget.Work#clauses} is what Lucene counts.
 *
 * @param proximity the words as typed (no synonyms) for the phrase and pair clauses, the
 * first ones
 */
record QueryWords(List<Word> words, List<String> identifiers, List<Token> proximity, QueryBudget.Work work) {

	/**
	 * @param typing whether it is the unfinished last word
	 * @param known whether the index has it
	 * @param alternatives its near spellings
	 * @param parts the known words an unknown compound is made of ("superclass")
	 */
	record Word(Token token, boolean typing, boolean known, List<Typos.Alternative> alternatives, List<Word> parts) {
	}

	static QueryWords choose(String typed, List<Token> tokens, boolean typing, Vocabulary vocabulary, Typos typos,
			QueryBudget budget) {
		QueryBudget.Meter meter = budget.meter();
		meter.clauses(1); // the question typed exactly
		List<Word> words = words(tokens, typing, vocabulary, meter);
		List<String> identifiers = identifiers(typed, budget, meter);
		List<Token> proximity = proximity(tokens, budget, meter);
		List<Word> spelled = new ArrayList<>(words.size());
		for (Word word : words) {
			spelled.add(new Word(word.token(), word.typing(), word.known(),
					alternatives(word.token(), word.known(), typos, meter), List.of()));
		}
		List<Word> complete = new ArrayList<>(words.size());
		for (Word word : spelled) {
			complete.add(new Word(word.token(), word.typing(), word.known(), word.alternatives(),
					parts(word, vocabulary, typos, budget, meter)));
		}
		return new QueryWords(complete, identifiers, proximity, meter.work());
	}

	/** The distinct words, in their order: as many as the budget takes. */
	private static List<Word> words(List<Token> tokens, boolean typing, Vocabulary vocabulary,
			QueryBudget.Meter meter) {
		Map<String, Token> distinct = new LinkedHashMap<>();
		tokens.forEach(token -> distinct.putIfAbsent(token.term(), token));
		Token last = tokens.get(tokens.size() - 1);
		List<Word> words = new ArrayList<>();
		for (Token token : distinct.values()) {
			boolean typed = typing && token == last;
			// the word in the full query, its coverage there and in matches (twice), in
			// candidates, in the highlight
			if (!meter.word(wordCost(token, typed) + 3 * coverageCost(token) + 2)) {
				break;
			}
			words.add(new Word(token, typed, vocabulary.isKnown(token), List.of(), List.of()));
		}
		return words;
	}

	/** Identifiers: in the full query and in matches (twice). */
	private static List<String> identifiers(String typed, QueryBudget budget, QueryBudget.Meter meter) {
		List<String> identifiers = new ArrayList<>();
		for (String identifier : Identifiers.of(typed)) {
			if (identifiers.size() >= budget.maxWords() || !meter.clauses(3)) {
				break;
			}
			identifiers.add(identifier);
		}
		return identifiers;
	}

	private static List<Token> proximity(List<Token> tokens, QueryBudget budget, QueryBudget.Meter meter) {
		List<Token> original = tokens.stream().filter(token -> !token.synonym()).limit(budget.maxWords()).toList();
		for (int n = original.size(); n > 1; n--) {
			// the loose phrase of all n, then each pair of neighbours and of words one
			// apart, in the question
			// and in the answer: two terms each
			if (meter.clauses(n + 4 * (n - 1) + 4 * (n - 2))) {
				return original.subList(0, n);
			}
		}
		return List.of();
	}

	/**
	 * In the question and the answer; for an unknown word also in coverage (full query,
	 * matches twice), highlight.
	 */
	private static List<Typos.Alternative> alternatives(Token token, boolean known, Typos typos,
			QueryBudget.Meter meter) {
		if (!typos.expands(token) || !meter.typoWord()) {
			return List.of();
		}
		List<Typos.Alternative> near = typos.near(token);
		return near.subList(0, meter.alternatives(near.size(), known ? 2 : 6));
	}

	/**
	 * The parts of an unknown compound, if the budget takes both: each in the full query,
	 * matches (twice), highlight.
	 */
	private static List<Word> parts(Word word, Vocabulary vocabulary, Typos typos, QueryBudget budget,
			QueryBudget.Meter meter) {
		if (word.known() || word.token().length() > budget.maxTypoLength()) {
			return List.of();
		}
		List<Token> split = vocabulary.split(word.token());
		int cost = split.stream().mapToInt(part -> wordCost(part, false) + 2 * coverageCost(part) + 1).sum();
		if (split.isEmpty() || !meter.clauses(cost)) {
			return List.of();
		}
		List<Word> parts = new ArrayList<>(split.size());
		for (Token part : split) {
			parts.add(new Word(part, false, true, alternatives(part, true, typos, meter), List.of()));
		}
		return parts;
	}

	/** {@link QueryFactory}'s word: as is in three fields, and maybe as a prefix. */
	private static int wordCost(Token token, boolean typing) {
		return 3 + (QueryFactory.prefixed(token, typing) ? 1 : 0);
	}

	/** {@link QueryFactory}'s coverage: as is, and as a prefix when long enough. */
	private static int coverageCost(Token token) {
		return token.term().length() >= QueryFactory.PREFIX_MIN_LENGTH ? 2 : 1;
	}

}
