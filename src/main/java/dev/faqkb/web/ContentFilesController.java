package dev.faqkb.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.faqkb.content.ServedFile;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.NotFoundException;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The images and files of the content folder that the content uses, at {@code /files/<hash>/<name>}
 * ({@link ServedFile#url()}): nothing else of the folder, as only the files of the request's snapshot
 * ({@link dev.faqkb.content.ServedFiles}) are looked up, by address, and no part of the address ever becomes a path.
 * The address changes with the content, so browsers and proxies keep a file for a year ({@code immutable}).
 * <p>
 * Text and SVG are read once, gzipped once and kept ({@link CachedPage}: {@code ETag}, {@code 304}, gzip when
 * the reader takes it). Everything else (pictures, PDF, archives, video) is read from disk on each request by
 * Spring's {@link ResourceHttpRequestHandler}, which answers {@code Range} requests ({@code 206}) and
 * {@code If-None-Match} ({@code 304}). Every file carries a Content-Security-Policy of its own that sandboxes it:
 * a script in an SVG opened on its own never runs as this site. PDFs keep the site's policy, since browsers do not
 * show a sandboxed PDF.
 */
@Controller
class ContentFilesController {

	/** For a file opened on its own: no script, nothing loaded, a unique origin (sandbox). */
	static final String SANDBOX = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";

	/** Gzipped bytes of text and SVG files kept; beyond it the least used are read again when asked for. */
	private static final long COMPRESSED_BYTES = 16L * 1024 * 1024;

	private final Cache<String, CachedPage> compressed = Caffeine.newBuilder()
		.maximumWeight(COMPRESSED_BYTES)
		.weigher((String key, CachedPage page) -> page.weight())
		.build();

	private final FileHandler handler;

	ContentFilesController() throws Exception {
		this.handler = new FileHandler();
		this.handler.afterPropertiesSet();
	}

	@GetMapping(ServedFile.PREFIX + "{hash}/{name}")
	void file(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable String hash, @PathVariable String name,
			HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		ServedFile file = snapshot.catalog().files().find(hash, name).orElseThrow(ContentFilesController::notFound);
		if (!file.type().contentType().equals(MediaType.APPLICATION_PDF_VALUE)) {
			response.setHeader("Content-Security-Policy", SANDBOX);
		}
		if (file.type().compressible()) {
			// By hash and type: the same bytes may be kept as a .txt and a .csv.
			String key = file.hash() + " " + file.type().contentType();
			CachedPage page = compressed.getIfPresent(key);
			if (page == null) {
				page = read(file);
				compressed.put(key, page);
			}
			page.write(request, response);
		}
		else {
			if (!unchanged(file)) {
				throw notFound();
			}
			request.setAttribute(FileHandler.FILE, file);
			handler.handleRequest(request, response);
		}
	}

	/** The file as checked, gzipped; not found when it changed since (a reload gives it another address). */
	private static CachedPage read(ServedFile file) throws IOException {
		byte[] content;
		try {
			content = Files.readAllBytes(file.file());
		}
		catch (NoSuchFileException ex) {
			throw notFound();
		}
		String hash = HexFormat.of().formatHex(sha256(content));
		if (!hash.startsWith(file.hash())) {
			throw notFound();
		}
		return CachedPage.of(content, file.type().contentType(), StaticAssets.FOREVER);
	}

	/** Whether the file on disk still has the size and time it had when the content was loaded. */
	private static boolean unchanged(ServedFile file) {
		try {
			BasicFileAttributes now = Files.readAttributes(file.file(), BasicFileAttributes.class);
			return now.size() == file.size() && now.lastModifiedTime().toMillis() == file.modified();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

	private static NotFoundException notFound() {
		return new NotFoundException("There is no such file.");
	}

	/**
	 * Spring's static file handler for one file chosen by the controller, rather than a path under a folder: its
	 * {@code Range} support, {@code 304} and headers, with the file's type from the allow-list and its hash as
	 * {@code ETag}.
	 */
	private static final class FileHandler extends ResourceHttpRequestHandler {

		static final String FILE = FileHandler.class.getName() + ".file";

		FileHandler() {
			setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
			setEtagGenerator(resource -> '"' + ((ServedResource) resource).file().hash() + '"');
		}

		@Override
		protected Resource getResource(HttpServletRequest request) {
			return request.getAttribute(FILE) instanceof ServedFile file ? new ServedResource(file) : null;
		}

		@Override
		protected MediaType getMediaType(HttpServletRequest request, Resource resource) {
			return MediaType.parseMediaType(((ServedResource) resource).file().type().contentType());
		}

	}

	private static final class ServedResource extends FileSystemResource {

		private final ServedFile file;

		ServedResource(ServedFile file) {
			super(file.file());
			this.file = file;
		}

		ServedFile file() {
			return file;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ServedResource resource && resource.file.equals(file);
		}

		@Override
		public int hashCode() {
			return file.hashCode();
		}

	}

}
