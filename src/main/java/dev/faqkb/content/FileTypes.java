package dev.faqkb.content;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The kinds of file in the content folder that answers may show or link to, by file name
 * extension: the allow-list of authors' documentation ("Pictures and files"). Nothing
 * else of the folder is ever served: no Markdown, no {@code site.yml}, and no type a
 * browser would run as a page of this site (HTML, XML, JavaScript).
 */
public final class FileTypes {

	/**
	 * @param contentType what the file is served as
	 * @param image whether it may be shown with {@code ![alt](...)}
	 * @param compressible whether gzip makes it smaller (text and SVG; the others are
	 * compressed already)
	 */
	public record FileType(String contentType, boolean image, boolean compressible) {
	}

	private static final Map<String, FileType> BY_EXTENSION = new TreeMap<>(Map.ofEntries(
			Map.entry("png", image("image/png")), Map.entry("jpg", image("image/jpeg")),
			Map.entry("jpeg", image("image/jpeg")), Map.entry("gif", image("image/gif")),
			Map.entry("webp", image("image/webp")), Map.entry("avif", image("image/avif")),
			// SVG is served with a sandbox policy of its own, so a script in it never
			// runs on this site.
			Map.entry("svg", new FileType("image/svg+xml", true, true)),
			Map.entry("pdf", attachment("application/pdf")), Map.entry("txt", text("text/plain;charset=UTF-8")),
			Map.entry("csv", text("text/csv;charset=UTF-8")), Map.entry("json", text("application/json")),
			Map.entry("zip", attachment("application/zip")),
			Map.entry("docx", attachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
			Map.entry("xlsx", attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
			Map.entry("pptx", attachment("application/vnd.openxmlformats-officedocument.presentationml.presentation")),
			Map.entry("odt", attachment("application/vnd.oasis.opendocument.text")),
			Map.entry("ods", attachment("application/vnd.oasis.opendocument.spreadsheet")),
			Map.entry("odp", attachment("application/vnd.oasis.opendocument.presentation")),
			Map.entry("epub", attachment("application/epub+zip")), Map.entry("mp4", attachment("video/mp4")),
			Map.entry("webm", attachment("video/webm")), Map.entry("mp3", attachment("audio/mpeg"))));

	private FileTypes() {
	}

	/**
	 * The type of a file by its name's extension (in any case), or empty when it is not
	 * on the list.
	 */
	public static Optional<FileType> of(String fileName) {
		return Optional.ofNullable(BY_EXTENSION.get(extension(fileName)));
	}

	/**
	 * The extension of a file name, lower case, without the dot; empty when it has none.
	 */
	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 && dot > fileName.lastIndexOf('/') ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	/** The extensions on the list, for messages: {@code .avif, .csv, ...}. */
	static String listed() {
		return BY_EXTENSION.keySet().stream().map(extension -> "." + extension).collect(Collectors.joining(", "));
	}

	private static FileType image(String contentType) {
		return new FileType(contentType, true, false);
	}

	private static FileType attachment(String contentType) {
		return new FileType(contentType, false, false);
	}

	private static FileType text(String contentType) {
		return new FileType(contentType, false, true);
	}

}
