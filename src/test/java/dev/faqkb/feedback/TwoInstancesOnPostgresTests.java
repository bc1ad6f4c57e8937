package dev.faqkb.feedback;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.faqkb.FaqkbApplication;
import dev.faqkb.PostgresTest;
import dev.faqkb.TestContent;
import dev.faqkb.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances serving one site from one PostgreSQL database, as docs/operators.md
 * describes for scaling out.
 */
@PostgresTest
class TwoInstancesOnPostgresTests {

	@TempDir
	Path content;

	@Test
	void aVoteThroughOneInstanceAppearsInTheInsightsOfTheOtherAndCountsOnceAcrossBoth() throws Exception {
		List<String> args = new ArrayList<>();
		TestDatabases.freshPostgresSchema().forEach((name, value) -> args.add("--" + name + "=" + value));
		args.add("--faqkb.content-dir=" + TestContent.write(content));
		args.add("--faqkb.admin.password=two-instances");
		args.add("--server.port=0");
		try (ConfigurableApplicationContext first = start(args); ConfigurableApplicationContext second = start(args)) {
			ReaderHttp one = new ReaderHttp(port(first), "/faq/help/delete-account");
			ReaderHttp two = new ReaderHttp(port(second), "/faq/help/delete-account");
			String reader = UUID.randomUUID().toString();

			HttpResponse<String> vote = one.vote("/faq/help/delete-account", reader, "no", "<b>Which form?</b>");
			HttpResponse<String> again = two.vote("/faq/help/delete-account", reader, "no", null);

			assertThat(vote.body()).contains("\"counted\":true");
			assertThat(again.body()).as("same reader, same day, other instance").contains("\"counted\":false");
			HttpResponse<String> insights = two.get("/api/admin/insights?period=7", "admin:two-instances");
			assertThat(insights.statusCode()).isEqualTo(200);
			assertThat(insights.body()).contains("\"votes\":1,\"yes\":0,\"no\":1")
				.contains("\"id\":\"delete-account\"")
				.contains("<b>Which form?</b>");
		}
	}

	private static ConfigurableApplicationContext start(List<String> args) {
		return new SpringApplicationBuilder(FaqkbApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
