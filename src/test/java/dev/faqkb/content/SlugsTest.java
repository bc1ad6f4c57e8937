package dev.faqkb.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

	@Test
	void slugIsLowercaseWithPunctuationDroppedAndSpacesAsHyphens() {
		assertThat(Slugs.slug("What's the largest Mattermost deployment you have?"))
			.isEqualTo("whats-the-largest-mattermost-deployment-you-have");
		assertThat(Slugs.slug("Does Mattermost support 508 Compliance?"))
			.isEqualTo("does-mattermost-support-508-compliance");
	}

	@Test
	void slugKeepsUnderscoresHyphensAndLettersOfAnyScript() {
		assertThat(Slugs.slug("How do I find undefined g++ symbols __builtin_new or __pure_virtual?"))
			.isEqualTo("how-do-i-find-undefined-g-plus-plus-symbols-__builtin_new-or-__pure_virtual");
		assertThat(Slugs.slug("Pre-release vs. final")).isEqualTo("pre-release-vs-final");
		assertThat(Slugs.slug("Über Café")).isEqualTo("über-café");
	}

	@Test
	void plusIsSpelledOutSoCAndCppDiffer() {
		assertThat(Slugs.slug("Can I create my own functions in C?")).isEqualTo("can-i-create-my-own-functions-in-c");
		assertThat(Slugs.slug("Can I create my own functions in C++?"))
			.isEqualTo("can-i-create-my-own-functions-in-c-plus-plus");
	}

	@Test
	void eachSpaceBecomesAHyphenLikeGitHub() {
		assertThat(Slugs.slug("A  &  B")).isEqualTo("a----b");
	}

	@Test
	void validIdsAreUsableInPathsAndHtml() {
		assertThat(Slugs.isValidId("install-on-linux_2")).isTrue();
		assertThat(Slugs.isValidId("")).isFalse();
		assertThat(Slugs.isValidId("has space")).isFalse();
		assertThat(Slugs.isValidId("-leading")).isFalse();
		assertThat(Slugs.isValidId("a/b")).isFalse();
	}

}
