package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.faqkb.RandomText;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs that once failed or cost seconds: each CJK character is a word, so a long
 * Chinese question had more clauses than Lucene takes; every word of 4+ letters was
 * expanded to its near spellings, however long and however many; {@code ?hl=} marked the
 * whole of a huge answer. Now each is answered within {@link QueryBudget#DEFAULT}, with
 * fewer alternatives rather than an error.
 */
class QueryBudgetTest {

	static final String CHINESE = """
			---
			title: 帮助
			---

			## 如何重置管理员的密码？ {#reset-admin-password}

			打开账户页面，选择“重置密码”。

			## 如何安装这个软件？ {#install}

			下载安装包，然后运行安装程序。
			""";

	/** A long word of the content: two typos away it was found, at any cost. */
	static final String LONG_WORD = "pneumonoultramicroscopicsilicovolcanoconiosis";

	@TempDir
	static Path content;

	static SearchIndex index;

	static QueryBudget budget = QueryBudget.DEFAULT;

	@BeforeAll
	static void load() throws IOException {
		Files.writeString(content.resolve("python.md"), SearchIndexTest.PYTHON
				+ "\n## What is the longest word?\n\nPerhaps " + LONG_WORD + ", a lung disease.\n");
		Files.writeString(content.resolve("zh.md"), CHINESE);
		Files.copy(Path.of("content/general.md"), content.resolve("general.md"));
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		index = new SearchIndex(catalog);
	}

	@AfterAll
	static void close() throws IOException {
		index.close();
	}

	private static List<String> questions(SearchResults results) {
		return results.hits().stream().map(hit -> hit.question().text()).toList();
	}

	@Test
	void aLongChineseQuestionFindsItsAnswer() {
		assertThat(questions(index.search(RandomText.CHINESE_QUESTION, null, 0, 10))).first().isEqualTo("如何重置管理员的密码？");
	}

	@Test
	void suggestForLongChineseTextFallsBackToASearchWithinTheBudget() {
		// no question has a word starting with the last character, so the full search
		// runs
		String text = RandomText.CHINESE_QUESTION.repeat(2);
		for (int length : new int[] { 160, 200, 256 }) {
			assertThat(index.suggest(text.substring(0, length), 8)).extracting(Question::text)
				.as("%d characters", length)
				.contains("如何重置管理员的密码？");
		}
	}

	@Test
	void everyCjkCharacterIsAWordSoOnlyTheFirstOnesAreSearched() {
		String text = run(0x4E00, 256);
		QueryFactory.Planned planned = factory().create(text);

		assertThat(planned.work().words()).isEqualTo(budget.maxWords());
		assertThat(planned.work().clauses()).isLessThanOrEqualTo(budget.maxClauses());
		assertThat(index.search(text, null, 0, 10).total()).isPositive(); // 下 (U+4E0B) is
																			// in an
																			// answer
	}

	@Test
	void aWordLongerThanTheBudgetsTypoLengthIsSearchedAsTyped() {
		String typo = LONG_WORD.replace("volcano", "volkano");

		assertThat(questions(index.search(LONG_WORD, null, 0, 10))).first().isEqualTo("What is the longest word?");
		assertThat(index.search(typo, null, 0, 10).total()).isZero();
		assertThat(factory().create(typo).work().typoWords()).isZero();
		assertThat(factory().create(new RandomText(2).letters(255)).work().typoWords()).isZero();
	}

	@Test
	void onlyTheBudgetsNumberOfWordsIsExpandedToNearSpellings() {
		RandomText random = new RandomText(3);
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			words.append(random.letters(20)).append(' ');
		}
		QueryFactory.Planned planned = factory().create(words.toString());

		assertThat(planned.work().typoWords()).isEqualTo(budget.maxTypoWords());
	}

	@Test
	void highlightOnAHugeAnswerMarksItsBeginningOnly() {
		String paragraph = "<p>Read the file line by line; <a href=\"/faq/file\">file</a> &amp; more.</p>\n";
		String html = paragraph.repeat(5_000_000 / paragraph.length());

		String marked = index.highlightAnswer(html, "file");

		String head = paragraph.replace(">file<", "><mark>file</mark><").replace(" file ", " <mark>file</mark> ");
		assertThat(marked).startsWith(head);
		int unmarkedFrom = marked.length() - (html.length() - budget.maxMarkedChars());
		assertThat(marked.substring(unmarkedFrom)).isEqualTo(html.substring(budget.maxMarkedChars()));
		assertThat(marked.replace("<mark>", "").replace("</mark>", "")).isEqualTo(html);
	}

	@Test
	void aHugeAnswerIsFoundByAWordPastWhatSnippetsAreCutFromAndItsSnippetIsItsOpening(@TempDir Path huge)
			throws IOException {
		String filler = "Exports run at night and take a while on large accounts, so plan ahead.\n\n";
		Files.writeString(huge.resolve("help.md"),
				"---\ntitle: Help\n---\n\n## Everything at once? {#everything}\n\n" + "Opening words about exports.\n\n"
						+ filler.repeat(2 * budget.maxMarkedChars() / filler.length())
						+ "The zanzibar clause ends it.\n\n## Something short? {#short}\n\nShort.\n");
		try (SearchIndex hugeIndex = new SearchIndex(new ContentLoader(new MarkdownRenderer(), false).load(huge))) {
			SearchResults results = hugeIndex.search("zanzibar", null, 0, 10);

			assertThat(results.hits()).extracting(hit -> hit.question().id()).containsExactly("everything");
			assertThat(results.hits().get(0).snippetHtml()).startsWith("Opening words about exports.")
				.doesNotContain("<mark>")
				.hasSizeLessThan(400);
		}
	}

	private static QueryFactory factory() {
		return index.queryFactory();
	}

	private static String run(int from, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(from + i);
		}
		return text.toString();
	}

}
