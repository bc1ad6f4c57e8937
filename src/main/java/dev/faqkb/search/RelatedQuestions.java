package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import dev.faqkb.content.Question;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Questions about the same things as a question, never the question itself; computed once
 * per question. The nearest in meaning first when the vectors are ready, then Lucene's
 * MoreLikeThis over the question and answer text (alone before that, or when fewer
 * neighbours are close enough). Thread-safe.
 */
final class RelatedQuestions {

	/** Found per question and kept; a page asks for at most this many. */
	private static final int KEPT = 10;

	private final IndexSearcher searcher;

	private final Ordinals ordinals;

	private final MoreLikeThis moreLikeThis;

	private final Cache<String, List<Question>> cache = Caches.bounded(Caches.RELATED);

	// kept apart: an answer page read before the vectors were ready must not keep its
	// words-only list
	private final Cache<String, List<Question>> withVectors = Caches.bounded(Caches.RELATED);

	RelatedQuestions(IndexSearcher searcher, Ordinals ordinals, Analyzers analyzers) {
		this.searcher = searcher;
		this.ordinals = ordinals;
		try {
			this.moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		moreLikeThis.setAnalyzer(analyzers.index);
		moreLikeThis.setFieldNames(new String[] { IndexSchema.QUESTION, IndexSchema.ANSWER });
		// small catalogs: a word that occurs once is still a good clue
		moreLikeThis.setMinTermFreq(1);
		moreLikeThis.setMinDocFreq(1);
		moreLikeThis.setMaxQueryTerms(25);
		moreLikeThis.setStopWords(analyzers.queryStopWords);
		moreLikeThis.setBoost(true);
	}

	/**
	 * @param semantic the vectors, or {@code null} when they are not ready
	 */
	List<Question> of(Question question, int limit, SemanticRetriever semantic) {
		String key = IndexSchema.key(question);
		List<Question> all = semantic == null ? cache.get(key, this::find)
				: withVectors.get(key, k -> nearestInMeaning(k, semantic));
		return all.subList(0, Math.min(limit, all.size()));
	}

	private List<Question> nearestInMeaning(String key, SemanticRetriever semantic) {
		List<Question> found = new ArrayList<>();
		int self = self(key);
		if (self >= 0) {
			semantic.neighbours(ordinals.ordinal(self), KEPT)
				.forEach(near -> found.add(ordinals.question(near.ordinal())));
		}
		for (Question question : cache.get(key, this::find)) {
			if (found.size() < KEPT && !found.contains(question)) {
				found.add(question);
			}
		}
		return List.copyOf(found);
	}

	private int self(String key) {
		try {
			TopDocs self = searcher.search(new TermQuery(new Term(IndexSchema.KEY, key)), 1);
			return self.scoreDocs.length == 0 ? -1 : self.scoreDocs[0].doc;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Question> find(String key) {
		int self = self(key);
		if (self < 0) {
			return List.of();
		}
		try {
			Query like;
			synchronized (moreLikeThis) {
				// MoreLikeThis keeps settings in fields; it is only read here, but guard
				// it all the same
				like = moreLikeThis.like(self);
			}
			Query query = new BooleanQuery.Builder().add(like, Occur.MUST)
				.add(new TermQuery(new Term(IndexSchema.KEY, key)), Occur.MUST_NOT)
				.build();
			List<Question> found = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(query, KEPT).scoreDocs) {
				found.add(ordinals.questionOfDoc(doc.doc));
			}
			return List.copyOf(found);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
