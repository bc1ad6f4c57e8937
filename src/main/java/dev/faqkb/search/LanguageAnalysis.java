package dev.faqkb.search;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How the text of one language is cut into words and brought to their stems, from
 * Lucene's own analysis modules: English as faqkb always did (Porter stems, possessives),
 * French, German, Spanish, Portuguese and Italian with Lucene's light stemmers (elided
 * articles dropped, accents folded so that {@code deboguer} finds "déboguer", German
 * umlauts normalised), Japanese segmented by Kuromoji (words to their dictionary form),
 * Chinese and Korean as overlapping pairs of characters, a dozen more languages with
 * their Snowball stemmers, and any other as plain Unicode words with accents folded.
 * German compounds are not split: Lucene's decompounders need a dictionary or hyphenation
 * grammar it does not ship. {@link Analyzers} puts these steps around what every language
 * shares (the parts of identifiers, lower case, synonyms, stop words). Immutable.
 *
 * @param language the primary language subtag it analyses ({@code fr} for {@code fr-CA})
 * @param stopWords dropped from the stemmed fields when indexing
 * @param queryStopWords dropped from queries: the stop words and the words that only make
 * a question of it ("how do I", "comment", "pourquoi")
 */
record LanguageAnalysis(String language, CharArraySet stopWords, CharArraySet queryStopWords) {

	private static final CharArraySet ITALIAN_ARTICLES = CharArraySet
		.unmodifiableSet(new CharArraySet(List.of("c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl",
				"agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"), true));

	/** The analysis of the language {@code tag} names (a BCP 47 tag). */
	static LanguageAnalysis of(String tag) {
		String language = Locale.forLanguageTag(tag).getLanguage();
		language = language.equals("nb") || language.equals("nn") ? "no" : language;
		CharArraySet stop = switch (language) {
			case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
			case "fr" -> FrenchAnalyzer.getDefaultStopSet();
			case "de" -> GermanAnalyzer.getDefaultStopSet();
			case "es" -> SpanishAnalyzer.getDefaultStopSet();
			case "pt" -> PortugueseAnalyzer.getDefaultStopSet();
			case "it" -> ItalianAnalyzer.getDefaultStopSet();
			case "ja" -> JapaneseAnalyzer.getDefaultStopSet();
			case "nl" -> DutchAnalyzer.getDefaultStopSet();
			case "sv" -> SwedishAnalyzer.getDefaultStopSet();
			case "da" -> DanishAnalyzer.getDefaultStopSet();
			case "no" -> NorwegianAnalyzer.getDefaultStopSet();
			case "fi" -> FinnishAnalyzer.getDefaultStopSet();
			case "ru" -> RussianAnalyzer.getDefaultStopSet();
			case "hu" -> HungarianAnalyzer.getDefaultStopSet();
			case "ro" -> RomanianAnalyzer.getDefaultStopSet();
			case "ca" -> CatalanAnalyzer.getDefaultStopSet();
			case "tr" -> TurkishAnalyzer.getDefaultStopSet();
			default -> CharArraySet.EMPTY_SET;
		};
		CharArraySet query = new CharArraySet(stop, false);
		query.addAll(questionWords(language));
		return new LanguageAnalysis(language, stop, CharArraySet.unmodifiableSet(query));
	}

	/**
	 * The words that make a question of a text in a language (interrogatives, the helper
	 * verbs of a question, the asker), beyond its stop words: they need not match.
	 */
	private static List<String> questionWords(String language) {
		return switch (language) {
			case "en" -> List.of("how", "what", "what's", "whats", "why", "when", "where", "which", "who", "do", "does",
					"did", "can", "could", "should", "would", "i", "i'm", "me", "my", "we", "our", "you", "your", "am",
					"were", "been", "has", "have", "had", "there", "here");
			case "fr" -> List.of("comment", "pourquoi", "quand", "où", "quel", "quelle", "quels", "quelles", "quoi",
					"combien", "lequel", "laquelle", "est-ce", "faire", "fait", "peut", "peux", "puis", "pouvoir",
					"dois", "doit", "faut");
			case "de" -> List.of("wie", "was", "warum", "wann", "wo", "welche", "welcher", "welches", "wer", "kann",
					"können", "muss", "soll");
			case "es" -> List.of("cómo", "como", "qué", "por", "cuándo", "dónde", "cuál", "cuáles", "quién", "puedo",
					"puede", "debo", "hacer");
			case "pt" -> List.of("como", "que", "porque", "quando", "onde", "qual", "quais", "quem", "posso", "pode",
					"devo", "fazer");
			case "it" -> List.of("come", "cosa", "perché", "quando", "dove", "quale", "quali", "chi", "posso", "può",
					"devo", "fare");
			case "ja" -> List.of("何", "なに", "なん", "どう", "どの", "どれ", "なぜ", "どうして", "どこ", "いつ", "する", "できる", "ある", "いる");
			default -> List.of();
		};
	}

	/** The words of a text, before anything else looks at them. */
	Tokenizer tokenizer() {
		return switch (language) {
			// each compound also as its parts would make a token graph; its parts alone
			// match both
			case "ja" -> new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.SEARCH);
			default -> new StandardTokenizer();
		};
	}

	/**
	 * What every field reads of the words, before identifiers are split and words
	 * lower-cased: elided articles dropped ({@code l'installation}), Japanese particles
	 * and helper verbs dropped, full-width Latin letters made half-width, Chinese and
	 * Korean characters paired.
	 */
	TokenStream words(TokenStream in) {
		return switch (language) {
			case "fr", "ca" -> new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES);
			case "it" -> new ElisionFilter(in, ITALIAN_ARTICLES);
			case "ja" ->
				new CJKWidthFilter(new JapanesePartOfSpeechStopFilter(in, JapaneseAnalyzer.getDefaultStopTags()));
			case "zh", "ko" -> new CJKBigramFilter(new CJKWidthFilter(in));
			default -> in;
		};
	}

	/**
	 * After identifiers are split and before lower case: English possessives
	 * ({@code Python's}) lose their 's.
	 */
	TokenStream parts(TokenStream in) {
		return language.equals("en") ? new EnglishPossessiveFilter(in) : in;
	}

	/**
	 * The stemmed fields' last step, after stop words: each word to its stem, accents
	 * folded where it helps.
	 */
	TokenStream stem(TokenStream in) {
		UnaryOperator<TokenStream> fold = ASCIIFoldingFilter::new;
		return switch (language) {
			case "en" -> new PorterStemFilter(in);
			case "fr" -> fold.apply(new FrenchLightStemFilter(in));
			case "de" -> new GermanLightStemFilter(new GermanNormalizationFilter(in));
			case "es" -> fold.apply(new SpanishLightStemFilter(in));
			case "pt" -> fold.apply(new PortugueseLightStemFilter(in));
			case "it" -> fold.apply(new ItalianLightStemFilter(in));
			case "ja" -> new JapaneseKatakanaStemFilter(new JapaneseBaseFormFilter(in));
			case "zh", "ko" -> in;
			case "nl" -> fold.apply(new SnowballFilter(in, "Dutch"));
			case "sv" -> fold.apply(new SnowballFilter(in, "Swedish"));
			case "da" -> fold.apply(new SnowballFilter(in, "Danish"));
			case "no" -> fold.apply(new SnowballFilter(in, "Norwegian"));
			case "fi" -> fold.apply(new SnowballFilter(in, "Finnish"));
			case "ru" -> new SnowballFilter(in, "Russian");
			case "hu" -> fold.apply(new SnowballFilter(in, "Hungarian"));
			case "ro" -> fold.apply(new SnowballFilter(in, "Romanian"));
			case "ca" -> fold.apply(new SnowballFilter(in, "Catalan"));
			case "tr" -> fold.apply(new SnowballFilter(in, "Turkish"));
			default -> fold.apply(in);
		};
	}

}
