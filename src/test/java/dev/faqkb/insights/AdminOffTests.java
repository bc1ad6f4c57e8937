package dev.faqkb.insights;

import dev.faqkb.FaqkbWebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** Without {@code faqkb.admin.password} the admin pages do not exist. */
@FaqkbWebTest(properties = "faqkb.admin.password=")
@ExtendWith(OutputCaptureExtension.class)
class AdminOffTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theLogSaysHowToTurnTheAdminPagesOn(CapturedOutput output) {
		assertThat(output.getAll()).contains("Admin pages (/admin/insights) are off: set FAQKB_ADMIN_PASSWORD");
	}

	@Test
	void adminPagesAre404WhenNoPasswordIsSetEvenWithCredentials() {
		assertThat(mvc.get().uri("/admin/insights").exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/admin/insights.csv").with(httpBasic("admin", "")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/admin/insights").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("There is no page at this address.");
	}

}
