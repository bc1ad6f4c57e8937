package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.faqkb.RandomText;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the query path for any text a visitor can type: random Unicode of every
 * plane (CJK, right-to-left, combining marks, emoji, control characters, lone
 * surrogates), Lucene syntax and HTML, up to 256 characters (see {@link RandomText}).
 * Analysis, query building, search with its snippets and "Did you mean", suggestions and
 * answer marking never throw, and every query stays within its {@link QueryBudget}: the
 * clauses and near spellings are counted, not timed. The inputs come from a fixed seed;
 * {@code -Dfaqkb.fuzz.seed=N} runs others.
 */
class QueryPathPropertiesTest {

	static final int INPUTS = 1_000;

	static final long SEED = RandomText.seed(20_261_126L);

	static final QueryBudget BUDGET = QueryBudget.DEFAULT;

	/**
	 * Answers with raw HTML, comments, scripts and entities, for snippets and marking.
	 */
	static final String TRICKY = """
			---
			title: Tricky
			---

			## Is <b>bold</b> & "quoted" text escaped? {#escaped}

			Raw <span title="file line">HTML</span> with a <!-- file comment --> and <script>var file = "<b>";</script>,
			1 < 2 & 3 > 2, &amp; entities &lt;file&gt;, a [link](https://example.com/file) and `code file`.

			## مرحبا، كيف أعيد تعيين كلمة المرور؟ {#arabic}

			افتح صفحة الحساب واختر إعادة تعيين كلمة المرور.

			## Ünïcödé wörds, émoji 😀 and ｆｕｌｌｗｉｄｔｈ? {#unicode}

			Naïve café straße İstanbul ǅ ﬁle 😀👍🏽 e\u0301.
			""";

	@TempDir
	static Path content;

	static SearchIndex index;

	static List<String> answers;

	static List<String> texts;

	@BeforeAll
	static void load() throws IOException {
		Files.writeString(content.resolve("python.md"), SearchIndexTest.PYTHON);
		Files.writeString(content.resolve("zh.md"), QueryBudgetTest.CHINESE);
		Files.writeString(content.resolve("tricky.md"), TRICKY);
		Files.copy(Path.of("content/general.md"), content.resolve("general.md"));
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		index = new SearchIndex(catalog);
		answers = catalog.questions().stream().map(Question::answerHtml).toList();
		texts = new RandomText(SEED).texts(INPUTS);
	}

	@AfterAll
	static void close() throws IOException {
		index.close();
	}

	@Test
	void analysisOfAnyTextGivesWordsFromTheText() {
		try (Analyzers analyzers = new Analyzers(null)) {
			forEvery(text -> {
				for (List<Token> tokens : List.of(analyzers.queryTokens(text), analyzers.indexTokens(text),
						analyzers.plainTokens(text))) {
					assertThat(tokens).allSatisfy(token -> {
						assertThat(token.term()).isNotEmpty();
						assertThat(text).contains(token.raw());
					});
				}
			});
		}
	}

	@Test
	void everyQueryIsWithinItsBudgetAndCountedAsLuceneCountsIt() {
		forEvery(text -> {
			QueryFactory.Planned planned = index.queryFactory().create(text);
			if (planned == null) {
				return;
			}
			QueryBudget.Work work = planned.work();
			assertThat(work.words()).isBetween(1, BUDGET.maxWords());
			assertThat(work.typoWords()).isBetween(0, BUDGET.maxTypoWords());
			assertThat(work.alternatives()).isBetween(0, work.typoWords() * BUDGET.maxAlternatives());
			assertThat(work.clauses()).isLessThanOrEqualTo(BUDGET.maxClauses());
			List<Query> queries = List.of(planned.scored(), planned.matches(), planned.candidates(),
					planned.highlight());
			assertThat(queries.stream().mapToInt(QueryPathPropertiesTest::clauses).sum())
				.as("clauses as Lucene counts them")
				.isEqualTo(work.clauses());
			assertThat(queries)
				.allSatisfy(query -> assertThat(clauses(query)).isLessThanOrEqualTo(IndexSearcher.getMaxClauseCount()));
		});
	}

	@Test
	void searchAnswersAnyTextWithEscapedSnippets() {
		forEvery(text -> {
			SearchResults results = index.search(text, null, 0, 10);
			assertThat(results.hits()).hasSizeLessThanOrEqualTo(10);
			assertThat(results.total()).isGreaterThanOrEqualTo(results.hits().size());
			assertThat(results.hits())
				.allSatisfy(hit -> assertThat(unmarked(hit.snippetHtml())).doesNotContain("<", ">"));
			String respelled = results.didYouMean();
			assertThat(respelled == null || !respelled.equals(text)).as("did you mean differs from the query").isTrue();
			assertThat(index.search(text, "python", 0, 5).hits())
				.allSatisfy(hit -> assertThat(hit.question().category()).isEqualTo("python"));
		});
	}

	@Test
	void suggestAnswersAnyTextWithinItsBudget() {
		forEvery(text -> {
			assertThat(index.suggest(text, 8)).hasSizeLessThanOrEqualTo(8);
			Query startingWith = index.suggester().startingWithQuery(text);
			assertThat(startingWith == null ? 0 : clauses(startingWith)).isLessThanOrEqualTo(BUDGET.maxWords());
		});
	}

	@Test
	void markingAnAnswerOnlyAddsMarksAroundWords() {
		AtomicInteger next = new AtomicInteger();
		forEvery(text -> {
			String html = answers.get(next.getAndIncrement() % answers.size());
			String marked = index.highlightAnswer(html, text);
			assertThat(marked.replace("<mark>", "").replace("</mark>", "")).isEqualTo(html);
			List<String> afterMarks = List.of(marked.split("<mark>", -1));
			assertThat(afterMarks.subList(1, afterMarks.size()))
				.allSatisfy(after -> assertThat(after).containsPattern("^[\\p{L}\\p{N}_]+</mark>"));
		});
	}

	/**
	 * Runs {@code property} on every text and fails with all the texts it failed for, and
	 * the seed.
	 */
	static void forEvery(Consumer<String> property) {
		List<String> failures = new ArrayList<>();
		for (String text : texts) {
			try {
				property.accept(text);
			}
			catch (AssertionError | RuntimeException ex) {
				failures.add(RandomText.show(text) + ": " + ex);
			}
		}
		assertThat(failures).as("inputs of seed %d that fail (of %d)", SEED, texts.size()).isEmpty();
	}

	/** Leaf clauses and terms: what Lucene counts against its maximum clause count. */
	static int clauses(Query query) {
		AtomicInteger count = new AtomicInteger();
		query.visit(new QueryVisitor() {

			@Override
			public void consumeTerms(Query leaf, Term... terms) {
				count.addAndGet(terms.length);
			}

			@Override
			public void visitLeaf(Query leaf) {
				count.incrementAndGet();
			}

			@Override
			public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
				return this;
			}

		});
		return count.get();
	}

	private static String unmarked(String snippet) {
		return snippet.replace("<mark>", "").replace("</mark>", "");
	}

}
