package dev.faqkb.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A file of the content folder that the content uses (an image or a linked file),
 * checked, and served at an address named by its content's hash, which changes whenever
 * the file does.
 *
 * @param path where it is in the content folder, with {@code /} between folders
 * ({@code img/flow.png})
 * @param file the file on disk
 * @param type its kind, from the allow-list
 * @param size its length in bytes when it was checked
 * @param modified its modification time (milliseconds) when it was checked
 * @param hash a hash of its content, in hex
 * @param width its width in CSS pixels when it is an image whose size could be read, else
 * 0
 * @param height its height in CSS pixels, likewise
 */
public record ServedFile(String path, Path file, FileTypes.FileType type, long size, long modified, String hash,
		int width, int height) {

	/** The address prefix of every served file. */
	public static final String PREFIX = "/files/";

	/** The file's name: the last part of its path. */
	public String name() {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** {@code /files/<hash>/<name>}, the name encoded as a URL path segment. */
	public String url() {
		return PREFIX + hash + "/" + URLEncoder.encode(name(), StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Whether {@link #width} and {@link #height} are known. */
	public boolean hasSize() {
		return width > 0 && height > 0;
	}

}
