package dev.faqkb.system;

import dev.faqkb.FaqkbWebTest;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * {@code /actuator/health} tells anyone whether the instance is up, and only the admin
 * what it runs on.
 */
@FaqkbWebTest(properties = { "faqkb.admin.username=owner", "faqkb.admin.password=s3cret-pass" })
class HealthExposureTests {

	@Autowired
	TestContent content;

	@Autowired
	MockMvcTester mvc;

	@Test
	void anonymousCallersGetTheStatusOfTheInstanceAndOfEachComponentButNoDetails() {
		MvcTestResult health = mvc.get().uri("/actuator/health").exchange();

		assertThat(health).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(health).bodyJson().extractingPath("$.components.content.status").isEqualTo("UP");
		assertThat(health).bodyText()
			.doesNotContain("details")
			.doesNotContain(content.dir().toString())
			.doesNotContain("free")
			.doesNotContainIgnoringCase("H2");
		assertThat(mvc.get().uri("/actuator/health/content").exchange()).hasStatusOk()
			.bodyText()
			.isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void theAdminSeesTheDetails() {
		MvcTestResult health = mvc.get().uri("/actuator/health").with(httpBasic("owner", "s3cret-pass")).exchange();

		assertThat(health).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.content.details.questions")
			.isEqualTo(4);
		assertThat(health).bodyJson()
			.extractingPath("$.components.diskSpace.details")
			.asMap()
			.containsKeys("free", "path");
	}

	@Test
	void aWrongPasswordIsRefusedRatherThanShownLess() {
		assertThat(mvc.get().uri("/actuator/health").with(httpBasic("owner", "nope")).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

}
