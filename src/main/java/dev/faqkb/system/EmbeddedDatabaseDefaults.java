package dev.faqkb.system;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code spring.datasource.url} at an H2 file database in {@code faqkb.data-dir} unless a database
 * is configured. Done in code because H2 rejects implicitly relative paths ({@code data/faqkb}) and a
 * property placeholder cannot tell a relative data folder from an absolute one ({@code /app/data}).
 */
class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty("faqkb.data-dir", "data")).toAbsolutePath().normalize();
		// Last place: anything the user sets anywhere wins.
		environment.getPropertySources()
			.addLast(new MapPropertySource("faqkbEmbeddedDatabase",
					Map.of("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("faqkb"), "spring.datasource.username",
							"sa")));
	}

}
