package dev.faqkb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Database settings for tests. Every call gives a database (H2) or schema (PostgreSQL) of
 * its own, so test classes and concurrent runs never see each other's rows.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/**
	 * The PostgreSQL server for tests, from {@code FAQKB_TEST_POSTGRES_URL}, or
	 * {@code null}.
	 */
	public static String postgresUrl() {
		String url = System.getenv("FAQKB_TEST_POSTGRES_URL");
		return url == null || url.isBlank() ? null : url;
	}

	/**
	 * Spring properties for a fresh schema on the test PostgreSQL server; Flyway creates
	 * and migrates it.
	 */
	public static Map<String, String> freshPostgresSchema() {
		return postgresSchema("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
	}

	/**
	 * Spring properties for {@code schema} on the test PostgreSQL server; two
	 * applications may share one.
	 */
	public static Map<String, String> postgresSchema(String schema) {
		String url = postgresUrl();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		properties.put("spring.datasource.username", env("FAQKB_TEST_POSTGRES_USER", "postgres"));
		properties.put("spring.datasource.password", env("FAQKB_TEST_POSTGRES_PASSWORD", ""));
		properties.put("spring.flyway.schemas", schema);
		return properties;
	}

	/** Spring properties for a fresh in-memory H2 database. */
	public static Map<String, String> freshH2() {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:faqkb-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa", "spring.datasource.password", "");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

}
