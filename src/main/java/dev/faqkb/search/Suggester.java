package dev.faqkb.search;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Questions as the visitor types. The unfinished last word must start a word of the question (one term
 * lookup in the edge n-gram field, so it stays fast on every keystroke); the finished words rank the
 * questions that have them first.
 */
final class Suggester {

	/** Question words rank suggestions only among the last few words typed. */
	static final int RANKING_WORDS = 3;

	private final IndexSearcher searcher;

	private final Analyzers analyzers;

	Suggester(IndexSearcher searcher, Analyzers analyzers) {
		this.searcher = searcher;
		this.analyzers = analyzers;
	}

	ScoreDoc[] suggest(String text, int limit) throws IOException {
		List<QueryFactory.Token> words = QueryFactory.tokens(analyzers.plain, text);
		if (words.isEmpty()) {
			return new ScoreDoc[0];
		}
		boolean selective = words.get(words.size() - 1).term().length() >= 3;
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i).term().toLowerCase(Locale.ROOT);
			// the last word, finished or not, must start a word of the question
			if (i == words.size() - 1) {
				query.add(new TermQuery(new Term(SearchIndex.QUESTION_PREFIX, Analyzers.prefix(word))), Occur.MUST);
			}
			else if (selective && i >= words.size() - 1 - RANKING_WORDS || !Analyzers.QUERY_STOP_WORDS.contains(word)) {
				// "How do I cop" should offer "How do I copy ..." first, but question words match half the
				// questions: they rank only near the end, and only when the last word narrows the matches
				query.add(new TermQuery(new Term(SearchIndex.QUESTION_WORDS, word)), Occur.SHOULD);
			}
		}
		// count no further than needed: Lucene can then skip questions that cannot enter the top
		return searcher.search(query.build(), new TopScoreDocCollectorManager(limit, null, limit)).scoreDocs;
	}

}
