package dev.faqkb.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Points {@code spring.datasource.url} at an H2 file database in {@code faqkb.data-dir} unless a database
 * is configured (a blank URL counts as not configured). Done in code because H2 rejects implicitly relative paths ({@code data/faqkb}) and a
 * property placeholder cannot tell a relative data folder from an absolute one ({@code /app/data}).
 */
class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty("faqkb.data-dir", "data")).toAbsolutePath().normalize();
		Map<String, Object> defaults = new HashMap<>();
		// WRITE_DELAY=0: H2 writes each commit to the file before the statement returns, instead of up to 500 ms
		// later, so a vote the reader was told about survives a kill -9 (H2AcknowledgedVotesSurviveKillIT; what the
		// default lost: bench/README.md, "Acknowledged votes and H2's write delay").
		defaults.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("faqkb") + ";WRITE_DELAY=0");
		if (!environment.containsProperty("spring.datasource.username")) {
			defaults.put("spring.datasource.username", "sa");
		}
		// First place, so that an empty spring.datasource.url (as in --spring.datasource.url=) also means "the default".
		environment.getPropertySources().addFirst(new MapPropertySource("faqkbEmbeddedDatabase", defaults));
	}

}
