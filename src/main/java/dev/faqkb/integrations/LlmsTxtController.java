package dev.faqkb.integrations;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.zip.Deflater;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Editions;
import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.Gzip;
import dev.faqkb.system.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Serves {@code /llms.txt} and {@code /llms-full.txt}, each made once per content
 * snapshot (and site address) and kept, gzipped once as the pages are, until the content
 * changes: every reply whose reader takes gzip shares those bytes, so a large FAQ's full
 * text is not compressed again per request. One text is made at a time: the full text of
 * a large FAQ is megabytes, and first requests arriving together, or under made-up
 * {@code Host} names (each its own site address), must not each make their own copy.
 */
@RestController
class LlmsTxtController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final SnapshotStore store;

	// by language tag: a few at most
	private final Map<String, Made> index = new ConcurrentHashMap<>();

	private final Map<String, Made> full = new ConcurrentHashMap<>();

	LlmsTxtController(SnapshotStore store) {
		this.store = store;
	}

	/**
	 * @param lang a translation's tag ({@code /fr/llms.txt}), none for the default
	 * language
	 */
	@GetMapping({ "/llms.txt", "/{lang:" + Editions.TAG + "}/llms.txt" })
	ResponseEntity<byte[]> index(@PathVariable(required = false) String lang, HttpServletRequest request) {
		return serve(index, lang, LlmsTxt::index, request);
	}

	@GetMapping({ "/llms-full.txt", "/{lang:" + Editions.TAG + "}/llms-full.txt" })
	ResponseEntity<byte[]> full(@PathVariable(required = false) String lang, HttpServletRequest request) {
		return serve(full, lang, LlmsTxt::full, request);
	}

	private ResponseEntity<byte[]> serve(Map<String, Made> cache, String lang, BiFunction<Catalog, String, String> make,
			HttpServletRequest request) {
		Snapshot snapshot = store.current();
		Catalog catalog = lang == null ? snapshot.catalog()
				: Optional.ofNullable(snapshot.translations().get(lang))
					.map(Snapshot.Edition::catalog)
					.orElseThrow(() -> new NotFoundException("There is nothing at this address."));
		String base = PublicLinks.base(snapshot.catalog().site(), request);
		Made made = cache.get(catalog.language());
		if (!made(made, snapshot, base)) {
			synchronized (this) {
				made = cache.get(catalog.language());
				if (!made(made, snapshot, base)) {
					byte[] text = make.apply(catalog, base).getBytes(StandardCharsets.UTF_8);
					made = new Made(snapshot, base, text, Gzip.of(text, Deflater.BEST_COMPRESSION));
					cache.put(catalog.language(), made);
				}
			}
		}
		// Last-Modified lets crawlers ask again cheaply: Spring answers 304 while the
		// content is the same.
		ResponseEntity.BodyBuilder reply = ResponseEntity.ok()
			.contentType(TEXT)
			.lastModified(snapshot.loadedAt())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (Gzip.accepted(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
			// a reply that names its coding is sent as it is (Tomcat compresses only the
			// others)
			return reply.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(made.gzip());
		}
		return reply.body(made.text());
	}

	private static boolean made(Made made, Snapshot snapshot, String base) {
		return made != null && made.snapshot() == snapshot && made.base().equals(base);
	}

	/**
	 * A text made from {@code snapshot} for links under {@code base}, as UTF-8 and
	 * gzipped.
	 */
	private record Made(Snapshot snapshot, String base, byte[] text, byte[] gzip) {
	}

}
