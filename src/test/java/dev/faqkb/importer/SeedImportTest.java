package dev.faqkb.importer;

import java.nio.file.Path;
import java.util.List;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo content (content/general.md) was converted by hand from Mattermost's Sphinx
 * page, the seed: importing the seed gives the same seven questions, with the same ids
 * and answers.
 */
@SharedTestData("seeds/general-faq.rst")
class SeedImportTest {

	private static final String SEED = SharedTestData.ROOT + "/seeds/general-faq.rst";

	@TempDir
	Path dir;

	@Test
	void seedGivesTheDemoContentsSevenQuestionsWithTheSameIdsAndText() {
		ImportCommand.Result result = ImportCommand.run(SEED, "--to", dir.toString(), "--base-url",
				"https://docs.mattermost.com/");
		assertThat(result.exit()).as(result.out()).isZero();
		assertThat(result.lines()).containsExactly(dir.resolve("general-faq.md") + ": wrote 7 question(s) from " + SEED,
				dir + ": 7 question(s) in 1 category file(s); 0 thing(s) not converted; the folder validates");

		List<Question> imported = questions(dir);
		List<Question> demo = questions(Path.of("content"));
		assertThat(imported).hasSize(7);
		assertThat(imported.stream().map(Question::text).toList())
			.isEqualTo(demo.stream().map(Question::text).toList());
		assertThat(imported.stream().map(Question::id).toList()).isEqualTo(demo.stream().map(Question::id).toList());
		assertThat(imported.stream().map(question -> normalised(question.answerMarkdown())).toList())
			.isEqualTo(demo.stream().map(question -> normalised(question.answerMarkdown())).toList());
		assertThat(ImportCommand.validate(dir).exit()).isZero();
	}

	@Test
	void withoutABaseUrlSphinxLinksBecomePlainTextAndEachIsReported() {
		ImportCommand.Result result = ImportCommand.run(SEED, "--to", dir.toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.lines()).contains(SEED + ":12: :ref: to 'product-overview/editions-and-offerings:mattermost "
				+ "enterprise edition' kept as plain text: it is not on the imported pages; give --base-url to link to the "
				+ "Sphinx site",
				SEED + ":35: :doc: to '/product-overview/version-archive' kept as plain text: it is not "
						+ "among the imported pages; give --base-url to link to the Sphinx site")
			.filteredOn(line -> line.startsWith(SEED))
			.hasSize(4);
		assertThat(ImportCommand.read(dir.resolve("general-faq.md")))
			.contains("The commercial version of Mattermost is designed to never lock-in your data.");
		assertThat(ImportCommand.validate(dir).exit()).isZero();
	}

	private static List<Question> questions(Path folder) {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(folder);
		return catalog.questions();
	}

	private static String normalised(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

}
