package dev.faqkb.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where results stop, on the Python FAQ with the seed category: a plain question gets a
 * short list, a precise keyword all its answers, and the total, the pages and the facets
 * follow one rule.
 */
@SharedTestData({ "corpora/python-faq" })
class RelevanceTest {

	@TempDir
	static Path content;

	static Catalog catalog;

	static SearchIndex index;

	@BeforeAll
	static void load() throws IOException {
		catalog = SearchQualityTest.catalog(content);
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
	void aPlainQuestionGetsAShortListWithItsAnswer() {
		// every question with "send" or "program" matches it: 101 results in 9 categories
		// when all were listed
		SearchResults results = index.search("how do I send an email from my program", null, 0, 10);
		assertThat(results.total()).isBetween(1L, 10L);
		assertThat(results.facets()).hasSizeLessThanOrEqualTo(3);
		assertThat(questions(results)).contains("How do I send mail from a Python script?");
	}

	@Test
	void aPreciseKeywordQueryStillFindsEveryQuestionThatHasIt() {
		Pattern python = Pattern.compile("(?i)\\bpython\\b");
		List<String> sayPython = catalog.questions()
			.stream()
			.filter(question -> python.matcher(question.text()).find())
			.map(Question::text)
			.toList();
		SearchResults results = index.search("python", null, 0, 500);
		assertThat(sayPython).hasSizeGreaterThan(20);
		assertThat(questions(results)).containsAll(sayPython);
		assertThat(results.total()).isEqualTo(results.hits().size());
	}

	@Test
	void theTotalThePagesAndTheFacetsFollowTheSameRule() {
		String query = "how do I read a file line by line";
		SearchResults all = index.search(query, null, 0, 500);
		assertThat(all.total()).isEqualTo(all.hits().size())
			.isEqualTo(all.facets().stream().mapToLong(SearchResults.Facet::count).sum());
		SearchResults.Facet first = all.facets().get(0);
		SearchResults filtered = index.search(query, first.category(), 0, 500);
		assertThat(filtered.total()).isEqualTo(first.count());
		assertThat(filtered.facets()).isEqualTo(all.facets());
		assertThat(questions(filtered)).isEqualTo(all.hits()
			.stream()
			.filter(hit -> hit.question().category().equals(first.category()))
			.map(hit -> hit.question().text())
			.toList());
		SearchResults secondPage = index.search(query, null, 5, 5);
		assertThat(secondPage.total()).isEqualTo(all.total());
		assertThat(questions(secondPage)).isEqualTo(questions(all).subList(5, Math.min(10, all.hits().size())));
	}

}
