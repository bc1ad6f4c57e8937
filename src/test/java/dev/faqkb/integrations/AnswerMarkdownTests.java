package dev.faqkb.integrations;

import java.nio.file.Path;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerMarkdownTests {

	static final String BASE = "https://faq.example.com";

	static final byte[] GUIDE = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static final byte[] LOGO = dev.faqkb.TestImages.png(8, 8);

	@TempDir
	Path dir;

	Catalog catalog() {
		return new ContentFixture(dir).file("files/guide.pdf", GUIDE).file("img/logo.png", LOGO).file("help.md", """
				---
				title: Help
				redirects:
				  old-export: export
				---

				## How do I reset my password? {#reset-password}

				See [cards](billing.md#cards), [export](#export), [billing](billing.md), [moved](#old-export),
				[more](#section-more), [home](/), [the guide](files/guide.pdf) and [us](https://example.org/a?b=c).

				### Steps

				![logo](img/logo.png) and [a reference][r].

				[r]: ./billing.md#cards

				## Can I export my data? {#export}

				Yes.

				# More

				## Anything else?

				No.
				""").category("billing", "Billing", "\n## Which cards? {#cards}\n\nVisa.\n").load();
	}

	@Test
	void linksBetweenAnswersGoToTheirPagesAndEveryOtherRelativeLinkBecomesAbsolute() {
		Catalog catalog = catalog();

		assertThat(AnswerMarkdown.of(catalog.question("help", "reset-password").orElseThrow(), catalog, BASE, 0))
			.isEqualTo(
					"""
							See [cards](https://faq.example.com/faq/billing/cards), [export](https://faq.example.com/faq/help/export), \
							[billing](https://faq.example.com/faq/billing), [moved](https://faq.example.com/faq/help/export),
							[more](https://faq.example.com/faq/help#section-more), [home](https://faq.example.com/), \
							[the guide](https://faq.example.com/files/%s/guide.pdf) and [us](https://example.org/a?b=c).

							### Steps

							![logo](https://faq.example.com/files/%s/logo.png) and [a reference][r].

							[r]: https://faq.example.com/faq/billing/cards"""
						.formatted(TestContent.fileHash(GUIDE), TestContent.fileHash(LOGO)));
	}

	@Test
	void headingsInsideTheAnswerMoveDownBelowTheQuestion() {
		Catalog catalog = catalog();

		assertThat(AnswerMarkdown.of(catalog.question("help", "reset-password").orElseThrow(), catalog, BASE, 2))
			.contains("\n##### Steps\n");
	}

	@Test
	void aShortAnswerIsKeptWhole() {
		assertThat(AnswerMarkdown.cut("Short. Answer.", 20, "u")).isEqualTo("Short. Answer.");
	}

	@Test
	void aLongAnswerIsCutAtTheLastSentenceBeforeTheLimitWithReadMore() {
		String text = "Alpha beta gamma delta. Epsilon zeta eta theta iota. Kappa lambda mu nu xi omicron pi.";

		assertThat(AnswerMarkdown.cut(text, 60, "https://faq.example.com/faq/a/b")).isEqualTo(
				"Alpha beta gamma delta. Epsilon zeta eta theta iota.\n\n[Read more](https://faq.example.com/faq/a/b)");
	}

	@Test
	void aCutNeverFallsInsideALinkOrCode() {
		String text = "Start here. Read [the guide. It is long](https://x.example/g) now and `run it. twice` later on.";

		assertThat(AnswerMarkdown.cut(text, 80, "u")).isEqualTo(
				"Start here. Read [the guide. It is long](https://x.example/g) now and \u2026\n\n[Read more](u)");
		assertThat(AnswerMarkdown.cut(text, 40, "u")).isEqualTo("Start here.\n\n[Read more](u)");
	}

	@Test
	void aParagraphOrListItemEndsAsASentenceDoes() {
		String text = "Intro line without a stop\n\n- first item\n- second item that goes on and on\n";

		assertThat(AnswerMarkdown.cut(text, 50, "u"))
			.isEqualTo("Intro line without a stop\n\n- first item\n\n[Read more](u)");
	}

	@Test
	void plainTextIsEscapedSoChatShowsItAsTyped() {
		assertThat(AnswerMarkdown.plain("What is __init__.py? [x](y) <b> *a* `c` #1"))
			.isEqualTo("What is \\_\\_init\\_\\_.py? \\[x\\](y) \\<b\\> \\*a\\* \\`c\\` \\#1");
	}

}
