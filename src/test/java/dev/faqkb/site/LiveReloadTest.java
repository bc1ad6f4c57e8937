package dev.faqkb.site;

import java.time.Duration;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * An author saves a file in the content folder of a running application.
 */
@FaqkbWebTest(properties = { "faqkb.content.watch=true", "faqkb.admin.password=health-details" })
@DirtiesContext // stops the watcher
class LiveReloadTest {

	private static final Duration SERVED_WITHIN = Duration.ofSeconds(2);

	@TestContent.Setup
	static void content(TestContent content) {
		content.file("general.md", general("First answer."));
	}

	static String general(String answer) {
		return """
				---
				title: General
				---

				## How do I install it? {#install}

				%s

				## Which ports? {#ports}

				80 and 443.
				""".formatted(answer);
	}

	@Autowired
	TestContent content;

	@Autowired
	MockMvcTester mvc;

	private void save(String text) {
		content.file("general.md", text);
	}

	@BeforeEach
	void warmUp() {
		// A running site has its templates compiled; the first request of a test JVM is
		// much slower than a save.
		assertThat(mvc.get().uri("/faq/general/install")).hasStatusOk();
		assertThat(mvc.get().uri("/faq/general/missing")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void savedChangeIsServedWithinTwoSeconds() {
		save(general("Saved a moment ago."));
		await().atMost(SERVED_WITHIN)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(mvc.get().uri("/faq/general/install")).hasStatusOk()
				.bodyText()
				.contains("Saved a moment ago."));
	}

	@Test
	void brokenSaveKeepsTheLastGoodContentAndShowsTheErrorsInHealth() {
		save(general("The last good answer."));
		await().atMost(SERVED_WITHIN)
			.untilAsserted(() -> assertThat(mvc.get().uri("/faq/general/install")).bodyText()
				.contains("The last good answer."));

		save(general("A broken answer.").replace("{#ports}", "{#install}"));
		await().atMost(SERVED_WITHIN)
			.untilAsserted(() -> assertThat(mvc.get().uri("/actuator/health/content")).bodyJson()
				.extractingPath("$.status")
				.isEqualTo("OUT_OF_DATE"));
		assertThat(mvc.get().uri("/faq/general/install")).hasStatusOk()
			.bodyText()
			.contains("The last good answer.")
			.doesNotContain("A broken answer.");
		// The instance still serves, so the load balancer must keep it: overall UP, the
		// errors in the details.
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
		// The details are the admin's (HTTP Basic); everyone sees the statuses.
		assertThat(mvc.get().uri("/actuator/health").with(httpBasic("admin", "health-details"))).bodyJson()
			.extractingPath("$.components.content.details.errors")
			.asArray()
			.containsExactly(content.dir().resolve("general.md")
					+ ":9: duplicate id 'install': the question on line 5 has it too;"
					+ " give one of them an explicit {#id}");

		save(general("Fixed."));
		await().atMost(SERVED_WITHIN)
			.untilAsserted(() -> assertThat(mvc.get().uri("/faq/general/install")).bodyText().contains("Fixed."));
		assertThat(mvc.get().uri("/actuator/health/content")).bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(mvc.get().uri("/actuator/health/content").with(httpBasic("admin", "health-details"))).bodyJson()
			.extractingPath("$.details")
			.asMap()
			.containsKeys("loadedAt", "questions", "categories")
			.doesNotContainKey("errors");
	}

	@Test
	void newCategoryFileIsServedWithoutRestart() {
		content.category("setup", "Setup", "\n## Which version? {#version}\n\nThe latest.\n");
		await().atMost(SERVED_WITHIN)
			.untilAsserted(() -> assertThat(mvc.get().uri("/faq/setup/version")).hasStatusOk());
	}

}
