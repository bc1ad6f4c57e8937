package dev.faqkb.integrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.Question;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrations over the Python FAQ (178 questions with code, tables, raw HTML and
 * links between answers), from {@code ../shared/corpora/python-faq}.
 */
@SharedTestData("corpora/python-faq")
class PythonFaqIntegrationsTests {

	static final Path CORPUS = Path.of("../shared/corpora/python-faq");

	static final String BASE = "https://docs.example.org";

	static final SearchListener NOT_LOGGED = search -> OptionalLong.empty();

	static final Parser MARKDOWN = Parser.builder().build();

	static Snapshot snapshot;

	@BeforeAll
	static void load() {
		snapshot = Snapshots.of(CORPUS).current();
	}

	@Test
	void everySlashReplyIsAtMostAboutTwoThousandCharactersWithOnlyAbsoluteLinks() {
		int cut = 0;
		for (Question question : snapshot.catalog().questions()) {
			String reply = SlashReply.to(question.text(), "/faq", snapshot, BASE, NOT_LOGGED);
			assertThat(reply).as(question.url()).startsWith("#### [");
			assertThat(relativeLinks(reply)).as(question.url() + ":\n" + reply).isEmpty();
			// 1,500 for the answer, plus its question and two more questions as links
			assertThat(reply.length()).as(question.url()).isLessThan(2200);
			if (reply.contains("[Read more](")) {
				cut++;
			}
		}
		assertThat(cut).as("long answers cut with Read more").isGreaterThan(5);
	}

	@Test
	void aLongAnswerIsCutAtASentenceWithALinkToTheWholeAnswer() {
		Question longest = snapshot.catalog()
			.questions()
			.stream()
			.filter(question -> !question.answerMarkdown().contains("```")
					&& !question.answerMarkdown().contains("    "))
			.max((a, b) -> Integer.compare(a.answerMarkdown().length(), b.answerMarkdown().length()))
			.orElseThrow();

		String reply = SlashReply.to(longest.text(), "/faq", snapshot, BASE, NOT_LOGGED);

		assertThat(longest.answerMarkdown().length()).isGreaterThan(1500);
		assertThat(reply)
			.containsPattern("[.!?:)]\\n\\n\\[Read more\\]\\(" + Pattern.quote(BASE + longest.url()) + "\\)");
	}

	@Test
	void llmsFullTxtHasEveryAnswerWithOnlyAbsoluteLinks() {
		String full = LlmsTxt.full(snapshot.catalog(), BASE);

		assertThat(Pattern.compile("(?m)^Source: " + Pattern.quote(BASE) + "/faq/").matcher(full).results().count())
			.isEqualTo(snapshot.catalog().questions().size());
		assertThat(relativeLinks(full)).isEmpty();
	}

	/**
	 * The addresses of links and images that are not absolute: what chat or an assistant
	 * could not follow.
	 */
	static List<String> relativeLinks(String markdown) {
		List<String> relative = new ArrayList<>();
		for (Node node : MARKDOWN.parse(markdown).getDescendants()) {
			String url = node instanceof Link link ? link.getUrl().toString()
					: node instanceof Image image ? image.getUrl().toString()
							: node instanceof Reference reference ? reference.getUrl().toString() : null;
			// An empty address (windows.md has "[any]()") is the author's, kept as
			// written.
			if (url != null && !url.isEmpty() && !url.matches("(https?|mailto):.*")) {
				relative.add(url);
			}
		}
		return relative;
	}

}
