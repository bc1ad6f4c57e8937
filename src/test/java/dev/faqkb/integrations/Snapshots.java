package dev.faqkb.integrations;

import java.nio.file.Path;
import java.util.Map;

import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.FaqkbProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A snapshot store over a content folder, without an application: settings bound as the
 * application binds them.
 */
final class Snapshots {

	private Snapshots() {
	}

	static SnapshotStore of(Path contentDir) {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("faqkb.content-dir", contentDir.toAbsolutePath().toString(), "faqkb.content.watch", "false")));
		return new SnapshotStore(binder.bindOrCreate("faqkb", FaqkbProperties.class));
	}

}
