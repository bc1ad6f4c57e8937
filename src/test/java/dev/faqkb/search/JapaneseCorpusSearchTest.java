package dev.faqkb.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import dev.faqkb.content.SiteInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python FAQ served in English and Japanese ({@code content/ja/}), searched under
 * {@code /ja/}. There are no labelled Japanese queries yet, so this measures what
 * segmentation does: a passage of each answer (its characters 20 to 40, cut anywhere, as
 * a reader pastes words they remember) should find its question, with Kuromoji's words
 * and, for comparison, with Unicode's (one CJK character a word).
 */
@SharedTestData({ "corpora/python-faq", "corpora/python-faq-ja" })
class JapaneseCorpusSearchTest {

	static final Path JAPANESE = Path.of("../shared/corpora/python-faq-ja");

	@Test
	void japaneseIsSearchedByItsWords(@TempDir Path content) throws Exception {
		TranslatedSearchQualityTest.copy(SearchQualityTest.CORPUS, content);
		TranslatedSearchQualityTest.copy(JAPANESE, content.resolve("ja"));
		Catalog japanese = new ContentLoader(new MarkdownRenderer(), false).loadAll(content).translations().get("ja");
		assertThat(japanese.questions()).hasSize(178);
		assertThat(japanese.untranslated()).isEmpty();
		double kuromoji = passages(japanese);
		SiteInfo site = japanese.site();
		Catalog unsegmented = new Catalog(
				new SiteInfo(site.title(), site.description(), site.baseUrl(), site.popularQuestions(), "und"),
				japanese.categories(), japanese.base());
		double unicode = passages(unsegmented);
		System.out.println(String.format(Locale.ROOT,
				"Japanese passages (MRR@10): Kuromoji %.3f, Unicode characters %.3f", kuromoji, unicode));
		assertThat(kuromoji).isGreaterThanOrEqualTo(0.75);
		try (SearchIndex index = new SearchIndex(japanese)) {
			assertThat(top(index, "デバッガ"))
				.contains("is-there-a-source-code-level-debugger-with-breakpoints-single-stepping-etc");
			assertThat(top(index, "浮動小数点数の計算")).contains("why-are-floating-point-calculations-so-inaccurate");
		}
	}

	private static List<String> top(SearchIndex index, String query) {
		return index.search(query, null, 0, 5).hits().stream().map(hit -> hit.question().id()).toList();
	}

	/** The mean reciprocal rank (of 10) of each question for a passage of its answer. */
	private static double passages(Catalog catalog) throws Exception {
		double sum = 0;
		int count = 0;
		try (SearchIndex index = new SearchIndex(catalog)) {
			for (Question question : catalog.questions()) {
				String text = question.answerText();
				if (text.length() < 40) {
					continue;
				}
				List<String> found = index.search(text.substring(20, 40), null, 0, 10)
					.hits()
					.stream()
					.map(hit -> hit.question().category() + "/" + hit.question().id())
					.toList();
				int rank = found.indexOf(question.category() + "/" + question.id()) + 1;
				sum += rank == 0 ? 0 : 1.0 / rank;
				count++;
			}
		}
		return sum / count;
	}

}
