package dev.faqkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * The word-based side of search over a {@link QueryFactory.Planned} query: counts every
 * match per category (noting those with every query word in the same pass), and ranks the
 * best in two passes, a fast ranking that picks the candidates and the full ranking that
 * orders them. Thread-safe: it only reads.
 */
final class LexicalRetriever {

	/**
	 * How many questions the fast first pass hands to the full ranking (more when a deep
	 * page asks).
	 */
	static final int RESCORE_WINDOW = 200;

	/** How many first-pass candidates {@link #bestScore} ranks again. */
	static final int BEST_WINDOW = 10;

	private final IndexSearcher searcher;

	private final Ordinals ordinals;

	private final int categories;

	LexicalRetriever(IndexSearcher searcher, Ordinals ordinals, int categories) {
		this.searcher = searcher;
		this.ordinals = ordinals;
		this.categories = categories;
	}

	/**
	 * Matching questions per category (by its position in the catalog), the total and the
	 * facets, and the questions that have every query word, in one pass over the matches.
	 */
	CategoryCounter.Counted count(QueryFactory.Planned planned) throws IOException {
		// counting needs every match, scored only by the number of words it has: the
		// one-field disjunction alone is fast
		return searcher.search(planned.counted(), new CategoryCounter(categories, ordinals, planned.words()));
	}

	/**
	 * The best matches, best first: at least {@code atLeast} when there are that many,
	 * and at least the rescore window, so that a later ranking has more than one page to
	 * reorder.
	 * @param category only questions of this category, or {@code null} for all
	 */
	List<ScoredQuestion> rank(QueryFactory.Planned planned, String category, int atLeast) throws IOException {
		Query firstPass = planned.candidates();
		if (category != null) {
			Query only = new TermQuery(new Term(IndexSchema.CATEGORY, category));
			firstPass = new BooleanQuery.Builder().add(firstPass, Occur.MUST).add(only, Occur.FILTER).build();
		}
		int window = Math.max(RESCORE_WINDOW, atLeast);
		// The total is counted apart, so the first pass need not count: Lucene skips
		// documents that
		// cannot make the top.
		TopDocs candidates = searcher.search(firstPass, new TopScoreDocCollectorManager(window, null, window));
		TopDocs ranked = new FullRanking(planned.scored()).rescore(searcher, candidates, window);
		List<ScoredQuestion> list = new ArrayList<>(ranked.scoreDocs.length);
		for (ScoreDoc doc : ranked.scoreDocs) {
			list.add(new ScoredQuestion(ordinals.ordinal(doc.doc), doc.score));
		}
		return list;
	}

	/**
	 * The full ranking's best score, 0 when nothing matches: the fast first pass's top
	 * {@value #BEST_WINDOW} ranked again, which is where the full ranking's best is.
	 */
	float bestScore(QueryFactory.Planned planned) throws IOException {
		TopDocs candidates = searcher.search(planned.candidates(),
				new TopScoreDocCollectorManager(BEST_WINDOW, null, BEST_WINDOW));
		TopDocs ranked = new FullRanking(planned.scored()).rescore(searcher, candidates, 1);
		return ranked.scoreDocs.length == 0 ? 0 : ranked.scoreDocs[0].score;
	}

	/**
	 * Which of {@code ordinals} match the query at all (as counted), for results another
	 * retriever found.
	 */
	boolean[] matching(QueryFactory.Planned planned, List<Integer> ordinalsToCheck) throws IOException {
		Weight weight = searcher.createWeight(searcher.rewrite(new ConstantScoreQuery(planned.matches())),
				ScoreMode.COMPLETE_NO_SCORES, 1f);
		boolean[] matching = new boolean[ordinalsToCheck.size()];
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		for (int i = 0; i < matching.length; i++) {
			// a fresh iterator per doc: only a few docs are asked about, in any order
			int doc = ordinals.doc(ordinalsToCheck.get(i));
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
			Scorer scorer = weight.scorer(leaf);
			matching[i] = scorer != null && scorer.iterator().advance(doc - leaf.docBase) == doc - leaf.docBase;
		}
		return matching;
	}

	/**
	 * The second pass: the full query's score alone orders the candidates (0 when it does
	 * not match one).
	 */
	private static final class FullRanking extends QueryRescorer {

		FullRanking(Query scored) {
			super(scored);
		}

		@Override
		protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
			return secondPassMatches ? secondPassScore : 0;
		}

	}

}
