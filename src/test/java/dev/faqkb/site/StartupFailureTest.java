package dev.faqkb.site;

import java.nio.file.Path;
import java.util.List;

import dev.faqkb.FaqkbApplication;
import dev.faqkb.TestContent;
import dev.faqkb.content.ContentError;
import dev.faqkb.content.ContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	@TempDir
	Path dir;

	private void start() {
		// Command-line arguments, as an operator would pass them; they win over
		// application.properties.
		new SpringApplicationBuilder(FaqkbApplication.class)
			.run("--faqkb.content-dir=" + dir, "--server.port=0", "--faqkb.content.watch=false")
			.close();
	}

	@Test
	void duplicateIdStopsStartupWithFileAndLine(CapturedOutput output) {
		TestContent.in(dir).category("general", "General", "## Install?\n\nA.\n\n## Install?\n\nB.\n");
		assertThatException().isThrownBy(this::start).withRootCauseInstanceOf(ContentException.class);
		assertThat(output.getOut() + output.getErr()).contains("The content folder has 1 error(s):")
			.contains(dir.resolve("general.md") + ":8: duplicate id 'install': the question on line 4 has it too");
	}

	@Test
	void brokenInternalLinkStopsStartupWithFileAndLine(CapturedOutput output) {
		TestContent.in(dir).category("general", "General", "## Install?\n\nSee [setup](setup.md#ports).\n");
		assertThatException().isThrownBy(this::start).withRootCauseInstanceOf(ContentException.class);
		assertThat(output.getOut() + output.getErr())
			.contains(dir.resolve("general.md") + ":6: broken link to 'setup.md#ports'");
	}

	@Test
	void analysisListsEveryErrorAndNoStackTrace() {
		ContentException cause = new ContentException(
				List.of(new ContentError(dir.resolve("a.md"), 7, "broken link to '#nope'"),
						new ContentError(dir.resolve("a.md"), 3, "unknown key 'titel'")));
		var analysis = new ContentFailureAnalyzer().analyze(cause);
		assertThat(analysis.getDescription()).contains("The content folder has 2 error(s)")
			.containsSubsequence(dir.resolve("a.md") + ":3: unknown key 'titel'",
					dir.resolve("a.md") + ":7: broken link to '#nope'")
			.doesNotContain("at dev.faqkb");
		assertThat(analysis.getAction()).contains("validate");
	}

}
