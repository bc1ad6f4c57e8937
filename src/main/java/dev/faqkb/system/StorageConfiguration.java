package dev.faqkb.system;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the migrations through {@link Storage}, so that a database that cannot be used
 * does not stop startup.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StorageConfiguration {

	@Bean
	FlywayMigrationStrategy lenientMigration(Storage storage) {
		return storage::migrate;
	}

}
