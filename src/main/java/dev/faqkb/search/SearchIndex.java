package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A Lucene index of one catalog snapshot. Built once, then read-only: the index never changes after
 * construction, so one {@link IndexSearcher} is shared by all threads (no SearcherManager needed; a
 * content change builds a whole new index).
 */
public final class SearchIndex implements AutoCloseable {

	static final String KEY = "key";

	static final String CATEGORY = "category";

	static final String QUESTION = "question";

	static final String ANSWER = "answer";

	private static final float QUESTION_BOOST = 4f;

	private static final float PHRASE_BOOST = 8f;

	private final Catalog catalog;

	// English stemming on both the indexing and the query side.
	private final Analyzer analyzer = new EnglishAnalyzer();

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private final UnifiedHighlighter highlighter;

	public SearchIndex(Catalog catalog) {
		this.catalog = catalog;
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			for (Question question : catalog.questions()) {
				Document doc = new Document();
				// category/id identifies the question; category alone is an exact-match filter.
				doc.add(new StringField(KEY, question.category() + "/" + question.id(), Field.Store.YES));
				doc.add(new StringField(CATEGORY, question.category(), Field.Store.NO));
				doc.add(new TextField(QUESTION, question.text(), Field.Store.YES));
				// Stored so the highlighter can cut snippets from it.
				doc.add(new TextField(ANSWER, question.answerText(), Field.Store.YES));
				writer.addDocument(doc);
			}
			writer.commit();
			this.reader = DirectoryReader.open(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot build the search index", ex);
		}
		this.searcher = new IndexSearcher(reader);
		// escape=true: the answer text is HTML-escaped before <mark> is added, so nothing in it becomes markup.
		this.highlighter = UnifiedHighlighter.builder(searcher, analyzer)
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
			.withMaxLength(100_000)
			.build();
	}

	/**
	 * Searches for any text a user typed; never throws for odd input (quotes, brackets, operators are
	 * just text here).
	 *
	 * @param category only this category, or {@code null} for all
	 */
	public SearchResults search(String text, String category, int offset, int limit) {
		String query = text == null ? "" : text.strip();
		List<String> terms = analyze(query);
		if (terms.isEmpty()) {
			return SearchResults.empty(query);
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (String term : new LinkedHashSet<>(terms)) {
			any.add(new BoostQuery(new TermQuery(new Term(QUESTION, term)), QUESTION_BOOST), Occur.SHOULD);
			any.add(new TermQuery(new Term(ANSWER, term)), Occur.SHOULD);
		}
		builder.add(any.build(), Occur.MUST);
		if (terms.size() > 1) {
			PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
			terms.forEach(term -> phrase.add(new Term(QUESTION, term)));
			builder.add(new BoostQuery(phrase.build(), PHRASE_BOOST), Occur.SHOULD);
		}
		if (category != null && !category.isBlank()) {
			builder.add(new TermQuery(new Term(CATEGORY, category)), Occur.FILTER);
		}
		Query luceneQuery = builder.build();
		try {
			TopDocs top = searcher.search(luceneQuery, Math.max(1, offset + limit));
			long total = searcher.count(luceneQuery);
			ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length),
					top.scoreDocs.length);
			String[] snippets = snippets(luceneQuery, page);
			List<SearchHit> hits = new ArrayList<>();
			for (int i = 0; i < page.length; i++) {
				Question question = question(page[i].doc);
				hits.add(new SearchHit(question, catalog.category(question.category()).orElseThrow().title(),
						snippets[i], page[i].score));
			}
			return new SearchResults(query, total, hits);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String[] snippets(Query query, ScoreDoc[] page) throws IOException {
		if (page.length == 0) {
			return new String[0];
		}
		TopDocs docs = new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
				org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
		Map<String, String[]> fields = highlighter.highlightFields(new String[] { ANSWER }, query, docs,
				new int[] { 2 });
		String[] snippets = fields.get(ANSWER);
		for (int i = 0; i < snippets.length; i++) {
			if (snippets[i] == null) {
				snippets[i] = "";
			}
		}
		return snippets;
	}

	private Question question(int doc) throws IOException {
		String[] key = searcher.storedFields().document(doc).get(KEY).split("/", 2);
		return catalog.question(key[0], key[1]).orElseThrow();
	}

	private List<String> analyze(String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(ANSWER, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	@Override
	public void close() throws IOException {
		reader.close();
		directory.close();
		analyzer.close();
	}

}
