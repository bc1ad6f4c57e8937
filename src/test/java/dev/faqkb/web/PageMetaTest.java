package dev.faqkb.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's description from its answer: the first sentence, with the next when the first
 * says little, never longer than search engines show.
 */
class PageMetaTest {

	@Test
	void firstSentenceDescribesTheAnswer() {
		assertThat(PageMeta.summary("Mattermost was created to offer an alternative to proprietary SaaS services. "
				+ "For more information, please see the article."))
			.isEqualTo("Mattermost was created to offer an alternative to proprietary SaaS services.");
	}

	@Test
	void aShortFirstSentenceTakesTheNextOneAlong() {
		assertThat(PageMeta.summary("Yes. See the accessibility compliance policy documentation for details. "
				+ "Mattermost Enterprise Edition has been purchased by multiple US public sector organizations."))
			.isEqualTo("Yes. See the accessibility compliance policy documentation for details.");
	}

	@Test
	void aLongSentenceIsCutAtAWordWithAnEllipsis() {
		String summary = PageMeta.summary("word ".repeat(60).strip() + ".");
		assertThat(summary).hasSizeLessThanOrEqualTo(PageMeta.DESCRIPTION_LENGTH).endsWith("word…");
	}

	@Test
	void lineBreaksAndRunsOfSpacesBecomeOneSpace() {
		assertThat(PageMeta.summary("  One answer\n  over   lines, long enough to stand alone as a description.\n"))
			.isEqualTo("One answer over lines, long enough to stand alone as a description.");
	}

	@Test
	void anEmptyAnswerHasAnEmptyDescription() {
		assertThat(PageMeta.summary("")).isEmpty();
	}

}
