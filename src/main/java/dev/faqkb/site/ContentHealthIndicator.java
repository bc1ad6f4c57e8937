package dev.faqkb.site;

import java.util.Optional;

import dev.faqkb.content.ContentError;
import dev.faqkb.system.FaqkbProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code content} in {@code /actuator/health}: UP with what is served, or
 * {@link #OUT_OF_DATE} with the error list when the last change to the folder could not
 * be loaded.
 * <p>
 * OUT_OF_DATE is not DOWN on purpose: the last good content is still served, and every
 * instance reads the same folder, so a load balancer that pulled instances over an
 * author's typo would take the whole site down. Boot's default status order does not know
 * OUT_OF_DATE, so the overall status stays UP (HTTP 200) while the {@code content}
 * component says what is wrong.
 */
@Component
class ContentHealthIndicator implements HealthIndicator {

	static final Status OUT_OF_DATE = new Status("OUT_OF_DATE",
			"The content folder has errors: the last good content is still served");

	private final SnapshotStore store;

	private final FaqkbProperties properties;

	ContentHealthIndicator(SnapshotStore store, FaqkbProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public Health health() {
		Snapshot snapshot = store.current();
		// Read once: a reload between two reads could give an OUT_OF_DATE status without
		// errors, or UP with them.
		Optional<SnapshotStore.ReloadFailure> failure = store.failure();
		Health.Builder health = failure.isPresent() ? Health.status(OUT_OF_DATE) : Health.up();
		health.withDetail("loadedAt", snapshot.loadedAt().toString())
			.withDetail("categories", snapshot.catalog().categories().size())
			.withDetail("questions", snapshot.catalog().questions().size())
			.withDetail("watch", properties.content().watch())
			// false until the vectors of this content are ready (or when semantic search
			// is off)
			.withDetail("semanticSearch", snapshot.index().semanticReady());
		failure.ifPresent(found -> health.withDetail("failedAt", found.at().toString())
			.withDetail("errors", found.errors().stream().map(ContentError::toString).toList()));
		return health.build();
	}

}
