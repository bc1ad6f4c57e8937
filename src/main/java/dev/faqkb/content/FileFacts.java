package dev.faqkb.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.faqkb.system.Sha256;

/**
 * The hash and image size of each file the content uses, read once and kept while the
 * file's size, modification time and identity stay the same, so that a reload reads again
 * only the files that changed. One per {@link ContentLoader}; thread-safe.
 */
final class FileFacts {

	/**
	 * Hex digits of SHA-256 kept in an address: 80 bits, more than enough to tell a
	 * folder's files apart.
	 */
	static final int HASH_LENGTH = 20;

	/**
	 * @param size its length in bytes, as read
	 * @param imageSize empty when it is no image, or an image whose size is not known
	 */
	record Facts(long size, long modified, Object fileKey, String hash, Optional<ImageSizes.Size> imageSize) {
	}

	private final Map<Path, Facts> known = new ConcurrentHashMap<>();

	/**
	 * The facts of {@code file} as it is now.
	 * @param file a regular file, its real path
	 * @throws IOException when it cannot be read
	 */
	Facts of(Path file, BasicFileAttributes attributes, FileTypes.FileType type) throws IOException {
		Facts facts = known.get(file);
		long modified = attributes.lastModifiedTime().toMillis();
		if (facts != null && facts.size() == attributes.size() && facts.modified() == modified
				&& Objects.equals(facts.fileKey(), attributes.fileKey())) {
			return facts;
		}
		// Read whole: every file used is below the size limit, and images are read twice
		// (hash and size).
		byte[] content = Files.readAllBytes(file);
		Optional<ImageSizes.Size> size = type.image() ? ImageSizes.of(content, type.contentType()) : Optional.empty();
		facts = new Facts(content.length, modified, attributes.fileKey(),
				HexFormat.of().formatHex(Sha256.of(content)).substring(0, HASH_LENGTH), size);
		known.put(file, facts);
		return facts;
	}

	/** Forgets every file but these, so that files no longer used are not kept. */
	void retainOnly(Set<Path> files) {
		known.keySet().retainAll(files);
	}

}
