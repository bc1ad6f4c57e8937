package dev.faqkb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a visitor typed into a Lucene query. Nothing typed is syntax: quotes,
 * brackets, {@code :}, {@code -} and {@code *} are just characters, so no input can fail
 * to parse.
 * <p>
 * Every meaningful word is optional (one missing word never empties the results) and
 * scores on its own: in the question above the section and the answer, as typed above a
 * typo-tolerant or prefix match. On top of that:
 * <ul>
 * <li>coverage: each word found anywhere in a question or its answer adds a fixed amount
 * scaled by the word's rarity, so questions that have more of the telling words rank
 * higher, however often one word is repeated;</li>
 * <li>proximity: the whole query as a loose phrase in the question, and every pair of
 * neighbouring words (and words one apart) close together in the question or the
 * answer;</li>
 * <li>the question typed exactly;</li>
 * <li>identifiers, numbers and symbols as typed ({@link Identifiers});</li>
 * <li>an unknown word made of two known ones ("superclass") also searches its parts.</li>
 * </ul>
 * The weights were set on labelled queries of the kinds visitors type (natural questions,
 * keywords, typos, words from answers) and checked by {@code SearchQualityTest}.
 * Thread-safe: it only reads.
 */
final class QueryFactory {

	static final float QUESTION_WEIGHT = 2f;

	static final float SECTION_WEIGHT = 0.5f;

	static final float ANSWER_WEIGHT = 1f;

	/** A typo-tolerant match counts for this share of an exact one. */
	static final float FUZZY_FACTOR = 0.3f;

	/**
	 * A word that only starts a word of the question counts for this share of an exact
	 * one.
	 */
	static final float PREFIX_FACTOR = 0.5f;

	/**
	 * Per query word found anywhere in the question or its answer, for the rarest words
	 * (see rarity).
	 */
	static final float COVERAGE_WEIGHT = 2f;

	static final float IDENT_WEIGHT = 3f;

	static final float PHRASE_WEIGHT = 4f;

	static final float PAIR_QUESTION_WEIGHT = 1.5f;

	static final float PAIR_ANSWER_WEIGHT = 1f;

	static final float EXACT_QUESTION_WEIGHT = 20f;

	/** A word's best field counts fully, its other fields for this share. */
	static final float TIE_BREAKER = 0.2f;

	/**
	 * Shorter words are not expanded to the words they start: too many of them in a large
	 * catalog.
	 */
	static final int PREFIX_MIN_LENGTH = 3;

	private final Analyzers analyzers;

	private final Vocabulary vocabulary;

	private final Typos typos;

	private final QueryBudget budget;

	QueryFactory(Analyzers analyzers, Vocabulary vocabulary, Typos typos, QueryBudget budget) {
		this.analyzers = analyzers;
		this.vocabulary = vocabulary;
		this.typos = typos;
		this.budget = budget;
	}

	/**
	 * The query of a text, within the {@link QueryBudget} (see {@link QueryWords} for
	 * what is left out of a text that asks for more).
	 * @return the query, or {@code null} when the text has no word to search for
	 */
	Planned create(String text) {
		String typed = budget.cut(text);
		List<Token> tokens = analyzers.queryTokens(typed);
		if (tokens.isEmpty()) {
			// only question words ("how", "what is it"): search them after all
			tokens = analyzers.indexTokens(typed);
		}
		if (tokens.isEmpty()) {
			return null;
		}
		boolean typing = Character.isLetterOrDigit(typed.charAt(typed.length() - 1));
		QueryWords chosen = QueryWords.choose(typed, tokens, typing, vocabulary, typos, budget);

		BooleanQuery.Builder query = new BooleanQuery.Builder();
		BooleanQuery.Builder matches = new BooleanQuery.Builder();
		BooleanQuery.Builder counted = new BooleanQuery.Builder();
		BooleanQuery.Builder highlight = new BooleanQuery.Builder();
		BooleanQuery.Builder candidates = new BooleanQuery.Builder();
		for (QueryWords.Word word : chosen.words()) {
			Token token = word.token();
			query.add(word(token, word.typing(), word.alternatives()), Occur.SHOULD);
			highlight.add(new TermQuery(new Term(IndexSchema.ANSWER, token.term())), Occur.SHOULD);
			candidates.add(new TermQuery(new Term(IndexSchema.QUESTION, token.term())), Occur.SHOULD);
			List<Typos.Alternative> unknownWords = word.known() ? List.of() : word.alternatives();
			unknownWords
				.forEach(near -> highlight.add(new TermQuery(new Term(IndexSchema.ANSWER, near.term())), Occur.SHOULD));
			Query coverage = coverage(token, unknownWords);
			query.add(new BoostQuery(new ConstantScoreQuery(coverage), COVERAGE_WEIGHT * vocabulary.rarity(token)),
					Occur.SHOULD);
			matches.add(coverage, Occur.SHOULD);
			counted.add(new ConstantScoreQuery(coverage), Occur.SHOULD);
			for (QueryWords.Word part : word.parts()) {
				query.add(word(part.token(), false, part.alternatives()), Occur.SHOULD);
				Query partCoverage = coverage(part.token(), List.of());
				matches.add(partCoverage, Occur.SHOULD);
				counted.add(uncounted(partCoverage), Occur.SHOULD);
				highlight.add(new TermQuery(new Term(IndexSchema.ANSWER, part.token().term())), Occur.SHOULD);
			}
		}
		for (String identifier : chosen.identifiers()) {
			Query ident = new TermQuery(new Term(IndexSchema.IDENT, identifier));
			query.add(new BoostQuery(ident, IDENT_WEIGHT), Occur.SHOULD);
			matches.add(ident, Occur.SHOULD);
			counted.add(uncounted(ident), Occur.SHOULD);
		}
		List<Token> original = chosen.proximity();
		if (original.size() > 1) {
			query.add(new BoostQuery(phrase(IndexSchema.QUESTION, original, 3), PHRASE_WEIGHT), Occur.SHOULD);
			for (int i = 0; i + 1 < original.size(); i++) {
				List<Token> pair = original.subList(i, i + 2);
				query.add(new BoostQuery(phrase(IndexSchema.QUESTION, pair, 2), PAIR_QUESTION_WEIGHT), Occur.SHOULD);
				query.add(new BoostQuery(phrase(IndexSchema.ANSWER, pair, 3), PAIR_ANSWER_WEIGHT), Occur.SHOULD);
			}
			for (int i = 0; i + 2 < original.size(); i++) {
				List<Token> pair = List.of(original.get(i), original.get(i + 2));
				query.add(new BoostQuery(phrase(IndexSchema.QUESTION, pair, 3), PAIR_QUESTION_WEIGHT), Occur.SHOULD);
				query.add(new BoostQuery(phrase(IndexSchema.ANSWER, pair, 4), PAIR_ANSWER_WEIGHT), Occur.SHOULD);
			}
		}
		query.add(new BoostQuery(new TermQuery(new Term(IndexSchema.QUESTION_EXACT, IndexSchema.normalize(typed))),
				EXACT_QUESTION_WEIGHT), Occur.SHOULD);
		Query matching = matches.build();
		candidates.add(matching, Occur.SHOULD);
		return new Planned(query.build(), matching, counted.build(), chosen.words().size(), candidates.build(),
				highlight.build(), chosen.work());
	}

	/**
	 * @param scored the full ranking, too costly to run on every match of a large catalog
	 * @param matches which questions match: every query word in the question or its
	 * answer, as is, as a prefix, or with a typo when the word is unknown; cheap to count
	 * @param counted the same questions as {@code matches}, each scoring the number of
	 * query words it has (in one of those forms; the parts of a word and identifiers
	 * count 0), so that the one pass that counts the matches also finds those that have
	 * every word: the answers to a precise query, whatever their score
	 * ({@link Relevance})
	 * @param words how many query words {@code counted} counts (0 when there are only
	 * identifiers: no question has every word then)
	 * @param candidates a fast first ranking of {@code matches} (words in the question or
	 * anywhere, by rarity), whose top documents {@code scored} ranks again
	 * @param highlight the words to mark in answer snippets (plain terms: no phrase or
	 * automaton to run again)
	 * @param work what the four queries cost together, within the {@link QueryBudget}
	 */
	record Planned(Query scored, Query matches, Query counted, int words, Query candidates, Query highlight,
			QueryBudget.Work work) {
	}

	/**
	 * A clause of {@code counted} that matches but adds nothing to a question's count of
	 * words.
	 */
	private static Query uncounted(Query query) {
		return new BoostQuery(new ConstantScoreQuery(query), 0f);
	}

	/** Whether the word is also looked for as the start of a question word. */
	static boolean prefixed(Token token, boolean typing) {
		return !token.synonym() && token.isWord() && (typing || token.length() >= 3);
	}

	private Query word(Token token, boolean typing, List<Typos.Alternative> alternatives) {
		List<Query> ways = new ArrayList<>();
		ways.add(new BoostQuery(new TermQuery(new Term(IndexSchema.QUESTION, token.term())), QUESTION_WEIGHT));
		ways.add(new BoostQuery(new TermQuery(new Term(IndexSchema.SECTION, token.term())), SECTION_WEIGHT));
		ways.add(new BoostQuery(new TermQuery(new Term(IndexSchema.ANSWER, token.term())), ANSWER_WEIGHT));
		if (!alternatives.isEmpty()) {
			// one pseudo-word per field, as Lucene's FuzzyQuery scores it: a rare
			// misspelling gets no extra weight
			SynonymQuery.Builder question = new SynonymQuery.Builder(IndexSchema.QUESTION);
			SynonymQuery.Builder answer = new SynonymQuery.Builder(IndexSchema.ANSWER);
			for (Typos.Alternative alternative : alternatives) {
				question.addTerm(new Term(IndexSchema.QUESTION, alternative.term()), alternative.similarity());
				answer.addTerm(new Term(IndexSchema.ANSWER, alternative.term()), alternative.similarity());
			}
			ways.add(new BoostQuery(question.build(), QUESTION_WEIGHT * FUZZY_FACTOR));
			ways.add(new BoostQuery(answer.build(), ANSWER_WEIGHT * FUZZY_FACTOR));
		}
		if (prefixed(token, typing)) {
			String raw = token.raw().toLowerCase(Locale.ROOT);
			String prefix = Analyzers.prefix(raw);
			ways.add(new BoostQuery(new TermQuery(new Term(IndexSchema.QUESTION_PREFIX, prefix)),
					QUESTION_WEIGHT * PREFIX_FACTOR));
		}
		// the best way a word matches counts, plus a little for matching in other fields
		// too
		return new DisjunctionMaxQuery(ways, TIE_BREAKER);
	}

	/**
	 * Whether a question or its answer has the word: as is, as the start of a longer
	 * word, or with a typo (the near spellings of an unknown word).
	 */
	private static Query coverage(Token token, List<Typos.Alternative> nearSpellings) {
		Term term = new Term(IndexSchema.ALL, token.term());
		BooleanQuery.Builder coverage = new BooleanQuery.Builder().add(new TermQuery(term), Occur.SHOULD);
		if (token.term().length() >= PREFIX_MIN_LENGTH) {
			coverage.add(new PrefixQuery(term), Occur.SHOULD);
		}
		nearSpellings
			.forEach(word -> coverage.add(new TermQuery(new Term(IndexSchema.ALL, word.term())), Occur.SHOULD));
		return coverage.build();
	}

	private static Query phrase(String field, List<Token> tokens, int slop) {
		PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
		int first = tokens.get(0).position();
		for (Token token : tokens) {
			phrase.add(new Term(field, token.term()), Math.max(0, token.position() - first));
		}
		return phrase.build();
	}

}
