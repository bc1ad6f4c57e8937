package dev.faqkb.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.faqkb.content.ServedFile;
import dev.faqkb.system.Sha256;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the images and files of the content folder that the content uses
 * ({@link ServedFile}), for {@link CachedPagesFilter} (a request at the address a page
 * links) and {@link ContentFilesController} (any other spelling of it). The address
 * changes with the content, so browsers and proxies keep a file for a year
 * ({@code immutable}).
 * <p>
 * Text and SVG are read once, gzipped once and kept ({@link CachedPage}: {@code ETag},
 * {@code 304}, gzip when the reader takes it). Everything else (pictures, PDF, archives,
 * video) is sent from disk on each request ({@link FileReply}: {@code Range},
 * {@code 304}, Tomcat's sendfile). Every file carries a Content-Security-Policy of its
 * own that sandboxes it: a script in an SVG opened on its own never runs as this site.
 * PDFs keep the site's policy, since browsers do not show a sandboxed PDF. Thread-safe.
 */
@Component
class ContentFileReplies {

	/**
	 * For a file opened on its own: no script, nothing loaded, a unique origin (sandbox).
	 */
	static final String SANDBOX = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";

	/**
	 * Gzipped bytes of text and SVG files kept; beyond it the least used are read again
	 * when asked for.
	 */
	private static final long COMPRESSED_BYTES = 16L * 1024 * 1024;

	private final Cache<String, CachedPage> compressed = Caffeine.newBuilder()
		.maximumWeight(COMPRESSED_BYTES)
		.weigher((String key, CachedPage page) -> page.weight())
		.build();

	/**
	 * Writes {@code file} as {@code request} asks for it.
	 * @return {@code false}, having written nothing, when the file changed on disk since
	 * the content was loaded (a reload gives it another address): the caller answers 404
	 */
	boolean write(ServedFile file, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (file.type().compressible()) {
			// By hash and type: the same bytes may be kept as a .txt and a .csv.
			String key = file.hash() + " " + file.type().contentType();
			CachedPage page = compressed.getIfPresent(key);
			if (page == null) {
				page = read(file);
				if (page == null) {
					return false;
				}
				compressed.put(key, page);
			}
			policy(file, response);
			page.write(request, response);
			return true;
		}
		if (!unchanged(file)) {
			return false;
		}
		policy(file, response);
		FileReply.write(file, StaticAssets.FOREVER, request, response);
		return true;
	}

	private static void policy(ServedFile file, HttpServletResponse response) {
		if (!file.type().contentType().equals(MediaType.APPLICATION_PDF_VALUE)) {
			response.setHeader("Content-Security-Policy", SANDBOX);
		}
	}

	/** The file as checked, gzipped; {@code null} when it changed since. */
	private static CachedPage read(ServedFile file) throws IOException {
		byte[] content;
		try {
			content = Files.readAllBytes(file.file());
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		String hash = HexFormat.of().formatHex(Sha256.of(content));
		if (!hash.startsWith(file.hash())) {
			return null;
		}
		return CachedPage.of(content, file.type().contentType(), StaticAssets.FOREVER);
	}

	/**
	 * Whether the file on disk still has the size and time it had when the content was
	 * loaded.
	 */
	private static boolean unchanged(ServedFile file) {
		try {
			BasicFileAttributes now = Files.readAttributes(file.file(), BasicFileAttributes.class);
			return now.size() == file.size() && now.lastModifiedTime().toMillis() == file.modified();
		}
		catch (IOException ex) {
			return false;
		}
	}

}
