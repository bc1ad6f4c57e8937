package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentException;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchIndexTest {

	static final String PYTHON = """
			---
			title: Python
			---

			# Files

			## How do I create a .pyc file?

			When a module is imported, Python compiles it to bytecode in a spam.pyc file under `__pycache__`.

			## What is `__init__.py` for?

			A folder with an `__init__.py` file in it is a package.

			## How do I change the default configuration?

			Edit the settings file; each setting has a default.

			# C API

			## How do I use Py_BuildValue() to create a tuple?

			Call Py_BuildValue with a format string such as "(ii)".

			## Can I write extensions in C++?

			Yes: put extern "C" around the Python headers & compile with a C++ compiler.

			## How do I read a file line by line?

			Loop over the open file object: each item is one line, so 1 < 2 & "ok".
			""";

	@TempDir
	static Path content;

	static Catalog catalog;

	static SearchIndex index;

	@BeforeAll
	static void load() throws IOException {
		Files.writeString(content.resolve("python.md"), PYTHON);
		Files.copy(Path.of("content/general.md"), content.resolve("general.md"));
		catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		index = new SearchIndex(catalog);
	}

	private static List<String> questions(String query) {
		return index.search(query, null, 0, 10).hits().stream().map(hit -> hit.question().text()).toList();
	}

	@Test
	void exactPhraseInTheQuestionRanksFirst() {
		assertThat(questions("largest deployment")).first()
			.isEqualTo("What's the largest Mattermost deployment you have?");
	}

	@Test
	void questionWordsNeedNotMatchAndOneMissingWordDoesNotEmptyTheResults() {
		assertThat(questions("how do I read a file line by line without crashing")).first()
			.isEqualTo("How do I read a file line by line?");
	}

	@Test
	void questionsWithMoreOfTheWordsRankHigher() {
		assertThat(questions("file line")).first().isEqualTo("How do I read a file line by line?");
	}

	@Test
	void oneTypoStillFindsTheAnswer() {
		assertThat(questions("defualt configuraton")).first().isEqualTo("How do I change the default configuration?");
		assertThat(questions("pyhton package folder")).first().isEqualTo("What is __init__.py for?");
	}

	@Test
	void exactMatchesRankAboveTypoMatches() {
		// "line" is a word of the content, "lime" a typo of it: the exact word wins
		SearchResults exact = index.search("line", null, 0, 10);
		SearchResults typo = index.search("lines", null, 0, 10);
		assertThat(exact.hits()).isNotEmpty();
		assertThat(typo.hits()).isNotEmpty();
		assertThat(index.search("lien", null, 0, 10).hits().get(0).score()).isLessThan(exact.hits().get(0).score());
	}

	@Test
	void partialWordsFindTheQuestion() {
		assertThat(questions("config")).first().isEqualTo("How do I change the default configuration?");
		assertThat(questions("how do I change the default conf")).first()
			.isEqualTo("How do I change the default configuration?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "__init__.py", ".pyc", "Py_BuildValue", "C++" })
	void identifiersAndSymbolsMatchAsTyped(String query) {
		assertThat(questions(query).get(0)).containsIgnoringCase(query.replace("()", ""));
	}

	@Test
	void numbersMatchAsTyped() {
		assertThat(questions("508")).first().isEqualTo("Does Mattermost support 508 Compliance?");
	}

	@Test
	void didYouMeanRespellsWordsThatAreNowhereInTheContent() {
		assertThat(index.search("mattermots deployment", null, 0, 10).didYouMean()).isEqualTo("mattermost deployment");
		assertThat(index.search("mattermost deployment", null, 0, 10).didYouMean()).isNull();
	}

	@Test
	void facetsCountMatchesPerCategoryWhateverTheFilter() {
		SearchResults all = index.search("file", null, 0, 10);
		SearchResults python = index.search("file", "python", 0, 10);
		assertThat(all.facets()).extracting(SearchResults.Facet::category).contains("python");
		assertThat(python.facets()).isEqualTo(all.facets());
		long pythonCount = all.facets()
			.stream()
			.filter(f -> f.category().equals("python"))
			.findFirst()
			.orElseThrow()
			.count();
		assertThat(python.total()).isEqualTo(pythonCount);
		assertThat(python.hits()).allMatch(hit -> hit.question().category().equals("python"));
		assertThat(all.total()).isEqualTo(all.facets().stream().mapToLong(SearchResults.Facet::count).sum());
	}

	@Test
	void offsetPagesThroughTheResults() {
		SearchResults first = index.search("mattermost", null, 0, 2);
		SearchResults second = index.search("mattermost", null, 2, 2);
		assertThat(first.hits()).hasSize(2);
		assertThat(second.offset()).isEqualTo(2);
		assertThat(second.total()).isEqualTo(first.total());
		assertThat(second.hits()).extracting(SearchHit::question)
			.doesNotContainAnyElementsOf(first.hits().stream().map(SearchHit::question).toList());
		assertThat(index.search("mattermost", null, 500, 2).hits()).isEmpty();
	}

	@Test
	void snippetsAreEscapedThenMarked() {
		SearchHit hit = index.search("line", null, 0, 10).hits().get(0);
		assertThat(hit.snippetHtml()).isEqualTo(
				"Loop over the open file object: each item is one <mark>line</mark>, so 1 &lt; 2 &amp; &quot;ok&quot;.");
	}

	@Test
	void longAnswersGiveASnippetAroundTheMatch() {
		String snippet = index.search("lunchtime", null, 0, 10).hits().get(0).snippetHtml();
		assertThat(snippet).contains("<mark>lunchtime</mark>").startsWith("… ").hasSizeLessThan(400);
	}

	@Test
	void suggestCompletesTheLastWordOfAQuestion() {
		assertThat(index.suggest("largest dep", 8)).extracting(Question::text)
			.first()
			.isEqualTo("What's the largest Mattermost deployment you have?");
		assertThat(index.suggest("Py_Bui", 8)).extracting(Question::text)
			.contains("How do I use Py_BuildValue() to create a tuple?");
		assertThat(index.suggest("m", 3)).hasSizeLessThanOrEqualTo(3);
		assertThat(index.suggest("", 8)).isEmpty();
	}

	@Test
	void suggestForgivesATypoInAFinishedWord() {
		assertThat(index.suggest("defualt configuration ", 8)).extracting(Question::text)
			.contains("How do I change the default configuration?");
	}

	@Test
	void relatedQuestionsNeverIncludeTheQuestionItself() {
		Question question = catalog.question("python", "how-do-i-create-a-pyc-file").orElseThrow();
		List<Question> related = index.related(question, 5);
		assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(5).doesNotContain(question);
	}

	@Test
	void highlightMarksWordsInTextOnlyNeverInTags() {
		String html = "<p>A <a href=\"/file\" title=\"file\">file</a> &amp; files.</p><script>var file;</script>";
		assertThat(index.highlightAnswer(html, "file <b>")).isEqualTo(
				"<p>A <a href=\"/file\" title=\"file\"><mark>file</mark></a> &amp; <mark>files</mark>.</p><script>var file;</script>");
		assertThat(index.highlightAnswer(html, "")).isEqualTo(html);
		assertThat(index.highlightAnswer(html, null)).isEqualTo(html);
	}

	@Test
	void anAnswerWithNoneOfTheWordsHasNothingMarked() {
		String html = "<p>Open the <a href=\"/file\">file</a>.</p>";
		assertThat(index.markedAnswer(html, "zebra line")).isEmpty();
		assertThat(index.markedAnswer(html, "files"))
			.contains("<p>Open the <a href=\"/file\"><mark>file</mark></a>.</p>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unbalanced", "(brackets]", "title:foo", "-not", "*", "a AND OR NOT", "\\", "~2",
			"!!!???...,,,;;;:::'''\"\"\"(((())))[[[]]]{{{}}}<<<>>>///\\\\\\|||&&&***+++---===~~~^^^%%%$$$###@@@" })
	void anyInputIsJustText(String query) {
		assertThat(index.search(query, null, 0, 10)).isNotNull();
		assertThat(index.search(query.repeat(3), "python", 0, 10)).isNotNull();
		assertThat(index.suggest(query, 8)).isNotNull();
		assertThat(index.search(query, null, 0, 10).didYouMean()).isNotEqualTo(query);
	}

	@Test
	void blankQueryFindsNothing() {
		assertThat(index.search("   ", null, 0, 10).total()).isZero();
		assertThat(index.search(null, null, 0, 10).total()).isZero();
	}

	@Test
	void synonymsApplyAtQueryTime(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("python.md"), PYTHON);
		Files.writeString(dir.resolve("synonyms.txt"), "# comment\nsetup, configuration\nsnake => python\n");
		Catalog withSynonyms = new ContentLoader(new MarkdownRenderer(), false).load(dir);
		try (SearchIndex synonyms = new SearchIndex(withSynonyms, Synonyms.read(dir, "en"))) {
			assertThat(synonyms.search("setup", null, 0, 10).hits()).extracting(hit -> hit.question().text())
				.first()
				.isEqualTo("How do I change the default configuration?");
		}
	}

	@Test
	void theRareWordOfANaturalQuestionOutweighsCommonOnes(@TempDir Path dir) throws IOException {
		StringBuilder faq = new StringBuilder(
				"---\ntitle: Python\n---\n\n# Running\n\n## How do I clean up before exiting?\n\n"
						+ "Register a handler with atexit; it is called at shutdown.\n");
		for (String topic : List.of("threads", "sockets", "regular expressions", "dates", "unit tests")) {
			faq.append("\n## How do I use ").append(topic).append("?\n\nMake the program run this code first.\n");
		}
		Files.writeString(dir.resolve("python.md"), faq.toString());
		try (SearchIndex small = new SearchIndex(new ContentLoader(new MarkdownRenderer(), false).load(dir))) {
			// make, program, run and code are in five answers of six; shutdown is the
			// word that tells
			assertThat(small.search("how do I make my program run code at shutdown", null, 0, 10).hits())
				.extracting(hit -> hit.question().text())
				.first()
				.isEqualTo("How do I clean up before exiting?");
		}
	}

	@Test
	void noSynonymsFileMeansNoSynonyms(@TempDir Path dir) {
		assertThat(Synonyms.read(dir, "en")).isNull();
	}

	@Test
	void aBrokenSynonymRuleIsAContentErrorWithItsLine(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("synonyms.txt"), "setup, configuration\na => b => c\n");
		assertThatThrownBy(() -> Synonyms.read(dir, "en")).isInstanceOf(ContentException.class)
			.hasMessageContaining("synonyms.txt:2");
	}

}
