package dev.faqkb.integrations;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import dev.faqkb.content.Catalog;
import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Serves {@code /llms.txt} and {@code /llms-full.txt}, each made once per content snapshot (and site address)
 * and kept until the content changes.
 */
@RestController
class LlmsTxtController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final SnapshotStore store;

	private final AtomicReference<Made> index = new AtomicReference<>();

	private final AtomicReference<Made> full = new AtomicReference<>();

	LlmsTxtController(SnapshotStore store) {
		this.store = store;
	}

	@GetMapping("/llms.txt")
	ResponseEntity<String> index(HttpServletRequest request) {
		return serve(index, LlmsTxt::index, request);
	}

	@GetMapping("/llms-full.txt")
	ResponseEntity<String> full(HttpServletRequest request) {
		return serve(full, LlmsTxt::full, request);
	}

	private ResponseEntity<String> serve(AtomicReference<Made> cache, BiFunction<Catalog, String, String> make,
			HttpServletRequest request) {
		Snapshot snapshot = store.current();
		String base = PublicLinks.base(snapshot.catalog().site(), request);
		Made made = cache.get();
		if (made == null || made.snapshot() != snapshot || !made.base().equals(base)) {
			made = new Made(snapshot, base, make.apply(snapshot.catalog(), base));
			cache.set(made);
		}
		// Last-Modified lets crawlers ask again cheaply: Spring answers 304 while the content is the same.
		return ResponseEntity.ok().contentType(TEXT).lastModified(snapshot.loadedAt()).body(made.text());
	}

	/** A text made from {@code snapshot} for links under {@code base}. */
	private record Made(Snapshot snapshot, String base, String text) {
	}

}
