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
 * Points {@code spring.datasource.url} at an H2 file database in {@code faqkb.data-dir}
 * unless a database is configured (a blank URL counts as not configured). Done in code
 * because H2 rejects implicitly relative paths ({@code data/faqkb}) and a property
 * placeholder cannot tell a relative data folder from an absolute one
 * ({@code /app/data}).
 */
class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty("faqkb.data-dir", "data")).toAbsolutePath().normalize();
		Map<String, Object> defaults = new HashMap<>();
		// Durability is Storage.makeDurable's (a checkpoint before a write is
		// acknowledged), so H2 keeps its
		// defaults: the background writer, which also compacts the file, and the 45 s
		// before a chunk no longer used
		// is overwritten, which its crash recovery needs (bench/README.md, "The embedded
		// database's size").
		defaults.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("faqkb"));
		if (!environment.containsProperty("spring.datasource.username")) {
			defaults.put("spring.datasource.username", "sa");
		}
		// First place, so that an empty spring.datasource.url (as in
		// --spring.datasource.url=) also means "the default".
		environment.getPropertySources().addFirst(new MapPropertySource("faqkbEmbeddedDatabase", defaults));
	}

}
