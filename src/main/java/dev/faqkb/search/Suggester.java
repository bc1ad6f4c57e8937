package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import dev.faqkb.content.Question;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Questions as the visitor types. The unfinished last word must start a word of the
 * question (one term lookup in the edge n-gram field, so it stays fast on every
 * keystroke); the finished words rank the questions that have them first. When nothing
 * starts that way, the full search forgives a typo. Thread-safe.
 */
final class Suggester {

	/** Question words rank suggestions only among the last few words typed. */
	static final int RANKING_WORDS = 3;

	/**
	 * Suggestions for queries of at most this many characters are computed once per
	 * snapshot.
	 */
	static final int SHORT_PREFIX = 3;

	private final IndexSearcher searcher;

	private final Analyzers analyzers;

	private final QueryFactory queries;

	private final Ordinals ordinals;

	private final QueryBudget budget;

	private final Cache<String, List<Question>> shortSuggestions = Caches.bounded(Caches.SHORT_SUGGESTIONS);

	Suggester(IndexSearcher searcher, Analyzers analyzers, QueryFactory queries, Ordinals ordinals,
			QueryBudget budget) {
		this.searcher = searcher;
		this.analyzers = analyzers;
		this.queries = queries;
		this.ordinals = ordinals;
		this.budget = budget;
	}

	/** At most {@code limit} questions, best first. */
	List<Question> suggest(String text, int limit) {
		String query = text == null ? "" : text.stripLeading();
		if (query.length() <= SHORT_PREFIX) {
			// the first keystrokes match the most questions and are typed by everyone:
			// answer them once
			return shortSuggestions.get(limit + ":" + query.toLowerCase(Locale.ROOT),
					key -> List.copyOf(find(query, limit)));
		}
		return find(query, limit);
	}

	private List<Question> find(String query, int limit) {
		try {
			List<Question> found = new ArrayList<>();
			for (ScoreDoc doc : startingWith(query, limit)) {
				found.add(ordinals.questionOfDoc(doc.doc));
			}
			if (found.isEmpty() && !query.isBlank()) {
				// a typo in a finished word: the full search forgives it
				QueryFactory.Planned planned = queries.create(query.strip());
				if (planned != null) {
					for (ScoreDoc doc : searcher.search(planned.scored(), limit).scoreDocs) {
						found.add(ordinals.questionOfDoc(doc.doc));
					}
				}
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ScoreDoc[] startingWith(String text, int limit) throws IOException {
		Query query = startingWithQuery(text);
		if (query == null) {
			return new ScoreDoc[0];
		}
		// count no further than needed: Lucene can then skip questions that cannot enter
		// the top
		return searcher.search(query, new TopScoreDocCollectorManager(limit, null, limit)).scoreDocs;
	}

	/**
	 * The question must have a word that starts with the last word; the words before
	 * rank; {@code null} for none.
	 */
	Query startingWithQuery(String text) {
		List<Token> all = analyzers.plainTokens(budget.cut(text));
		if (all.isEmpty()) {
			return null;
		}
		// the last words typed, as many as the budget takes
		List<Token> words = all.subList(Math.max(0, all.size() - budget.maxWords()), all.size());
		boolean selective = words.get(words.size() - 1).term().length() >= 3;
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i).term().toLowerCase(Locale.ROOT);
			// the last word, finished or not, must start a word of the question
			if (i == words.size() - 1) {
				query.add(new TermQuery(new Term(IndexSchema.QUESTION_PREFIX, Analyzers.prefix(word))), Occur.MUST);
			}
			else if (selective && i >= words.size() - 1 - RANKING_WORDS || !analyzers.queryStopWords.contains(word)) {
				// "How do I cop" should offer "How do I copy ..." first, but question
				// words match half the
				// questions: they rank only near the end, and only when the last word
				// narrows the matches
				query.add(new TermQuery(new Term(IndexSchema.QUESTION_WORDS, word)), Occur.SHOULD);
			}
		}
		return query.build();
	}

}
