package dev.faqkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The analyzers of one index, built once, and the words they make of a text. Stemmed text
 * of its language ({@link LanguageAnalysis}) for relevance, plain words for exact phrases
 * and spelling, edge n-grams for prefixes, and identifiers kept as typed. Thread-safe:
 * Lucene analyzers keep their per-thread state themselves.
 */
final class Analyzers implements AutoCloseable {

	/**
	 * Longest prefix indexed for as-you-type matching; longer prefixes are cut to this.
	 */
	static final int MAX_PREFIX = 15;

	/**
	 * The indexed prefix that stands for {@code word} typed so far: longer words are cut
	 * to {@link #MAX_PREFIX}.
	 */
	static String prefix(String word) {
		return word.length() > MAX_PREFIX ? word.substring(0, MAX_PREFIX) : word;
	}

	/**
	 * The language analysed: how its words are cut, stemmed and which of them count (see
	 * {@link LanguageAnalysis}).
	 */
	final LanguageAnalysis language;

	/**
	 * Words that carry no meaning in a question ("how do I ...", "comment ..."): they
	 * need not match. Only dropped from queries (the index drops only the language's
	 * usual stop words), so phrases keep their positions.
	 */
	final CharArraySet queryStopWords;

	/** Index side, per field. */
	final Analyzer index;

	/**
	 * Query side of the stemmed English fields: more stop words, and the synonyms when
	 * there are any.
	 */
	final Analyzer query;

	/**
	 * Lowercased words, nothing dropped: exact phrases, spelling, the words of a query as
	 * typed.
	 */
	final Analyzer plain;

	/** English, as a site without {@code language:} is. */
	Analyzers(SynonymMap synonyms) {
		this(synonyms, LanguageAnalysis.of("en"));
	}

	Analyzers(SynonymMap synonyms, LanguageAnalysis language) {
		this.language = language;
		this.queryStopWords = language.queryStopWords();
		this.plain = new PlainAnalyzer(language);
		Analyzer stemmed = new TextAnalyzer(language, null, language.stopWords(), true);
		Map<String, Analyzer> fields = new HashMap<>();
		fields.put(IndexSchema.QUESTION_WORDS, plain);
		fields.put(IndexSchema.WORDS, plain);
		fields.put(IndexSchema.QUESTION_PREFIX, new PrefixAnalyzer(language));
		fields.put(IndexSchema.IDENT, new IdentifierAnalyzer());
		this.index = new PerFieldAnalyzerWrapper(stemmed, fields);
		this.query = new TextAnalyzer(language, synonyms, queryStopWords, false);
	}

	/**
	 * The words of a query that count: stemmed, question words dropped, synonyms added.
	 */
	List<Token> queryTokens(String text) {
		return tokens(query, text);
	}

	/**
	 * The words of a text as the question and answer fields index them: stemmed, stop
	 * words dropped.
	 */
	List<Token> indexTokens(String text) {
		return tokens(index, text);
	}

	/** Every word of a text, lowercased, nothing dropped or stemmed. */
	List<Token> plainTokens(String text) {
		return tokens(plain, text);
	}

	private static List<Token> tokens(Analyzer analyzer, String text) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(IndexSchema.QUESTION, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			TypeAttribute type = stream.addAttribute(TypeAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				tokens.add(new Token(term.toString(), text.substring(offset.startOffset(), offset.endOffset()),
						Math.max(position, 0), SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	@Override
	public void close() {
		index.close();
		query.close();
		plain.close();
	}

	/**
	 * The language's words, lowercased, stop words dropped, stemmed; optionally synonyms
	 * first. For English: standard tokens, possessives dropped, Porter stems.
	 */
	private static final class TextAnalyzer extends Analyzer {

		private final LanguageAnalysis language;

		private final SynonymMap synonyms;

		private final CharArraySet stopWords;

		private final boolean index;

		TextAnalyzer(LanguageAnalysis language, SynonymMap synonyms, CharArraySet stopWords, boolean index) {
			this.language = language;
			this.index = index;
			this.synonyms = synonyms;
			this.stopWords = stopWords;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = language.tokenizer();
			// PyRun_SimpleString and sys.stdout also match their parts (run, simple,
			// string, stdout)
			TokenStream result = new WordDelimiterGraphFilter(language.words(source),
					WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
							| WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE | WordDelimiterGraphFilter.PRESERVE_ORIGINAL
							| WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE,
					null);
			if (index) {
				// the index cannot store a token graph
				result = new FlattenGraphFilter(result);
			}
			result = language.parts(result);
			result = new LowerCaseFilter(result);
			if (synonyms != null) {
				result = new SynonymGraphFilter(result, synonyms, true);
			}
			result = new StopFilter(result, stopWords);
			result = language.stem(result);
			return new TokenStreamComponents(source, result);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new LowerCaseFilter(in);
		}

	}

	/** The language's words, lowercased (for English: standard tokens). */
	static final class PlainAnalyzer extends Analyzer {

		private final LanguageAnalysis language;

		PlainAnalyzer(LanguageAnalysis language) {
			this.language = language;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = language.tokenizer();
			return new TokenStreamComponents(source, new LowerCaseFilter(language.words(source)));
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new LowerCaseFilter(in);
		}

	}

	/**
	 * Every prefix of every word (1 to {@link #MAX_PREFIX} characters): a prefix is then
	 * one term lookup.
	 */
	private static final class PrefixAnalyzer extends Analyzer {

		private final LanguageAnalysis language;

		PrefixAnalyzer(LanguageAnalysis language) {
			this.language = language;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = language.tokenizer();
			TokenStream result = new LowerCaseFilter(language.words(source));
			result = new EdgeNGramTokenFilter(result, 1, MAX_PREFIX, true);
			return new TokenStreamComponents(source, result);
		}

	}

	/**
	 * Identifier tokens from {@link Identifiers}, which are already split and lowercased.
	 */
	private static final class IdentifierAnalyzer extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			return new TokenStreamComponents(new WhitespaceTokenizer());
		}

	}

}
