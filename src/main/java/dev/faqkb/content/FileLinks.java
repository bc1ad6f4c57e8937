package dev.faqkb.content;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each link and image from a category file to a file of the content folder
 * ({@code ![alt](img/flow.png)}, {@code [manual](files/manual.pdf)}), relative to the
 * category file's own folder, and keeps the files that pass as the ones the content uses
 * ({@link ServedFiles}). A file must be inside the content folder (no {@code ..} out of
 * it, no link out of it), not hidden (no part of its path starting with {@code .}), of a
 * type on the allow-list ({@link FileTypes}), and no larger than the size limit; an image
 * must be an image whose size can be read. One per load.
 */
final class FileLinks {

	private final Path root;

	private final Path realRoot;

	private final FileFacts facts;

	private final long maxSize;

	private final Map<Path, ServedFile> used = new LinkedHashMap<>();

	// Each category file's links to files, as written, and the address each became.
	private final Map<Path, Map<String, String>> addresses = new LinkedHashMap<>();

	/**
	 * @param root the content folder
	 * @param facts what is known of the folder's files from earlier loads
	 * @param maxSize the largest file served, in bytes
	 */
	FileLinks(Path root, FileFacts facts, long maxSize) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.realRoot = root.toRealPath();
		this.facts = facts;
		this.maxSize = maxSize;
	}

	/**
	 * Checks a link or image to a file, given as written ({@code path}, then
	 * {@code ?query} and {@code #fragment} kept as they are).
	 * @return the file's address ({@link ServedFile#url()} and what followed the path),
	 * or empty when it is broken: then an error says why
	 */
	Optional<String> target(ParsedCategory category, MarkdownBlock.Link link, List<ContentError> errors) {
		String url = link.url();
		int end = indexOfAny(url, '?', '#');
		String written = end >= 0 ? url.substring(0, end) : url;
		String what = (link.image() ? "image '" : "link to '") + url + "'";
		Problem problem = new Problem(category.file(), link.line(), what, errors);
		String path;
		try {
			path = URLDecoder.decode(written.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return problem.say("not a valid address (a '%' must start a %XX escape)");
		}
		if (path.indexOf('\\') >= 0) {
			return problem.say("write paths with '/', not '\\'");
		}
		Path file = category.file().toAbsolutePath().normalize().getParent().resolve(path).normalize();
		if (!file.startsWith(root) || file.equals(root)) {
			return problem.say("it is outside the content folder, and only files inside it are served");
		}
		String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
		if (("/" + relative).contains("/.")) {
			return problem.say(relative + " is hidden (a name starting with '.'), and hidden files are never served");
		}
		BasicFileAttributes attributes;
		Path real;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
			real = file.toRealPath();
		}
		catch (IOException ex) {
			return problem.say("there is no file " + relative + " in the content folder");
		}
		if (!real.startsWith(realRoot)) {
			return problem.say(relative + " is a link to a file outside the content folder, which is never served");
		}
		if (attributes.isDirectory()) {
			return problem.say(relative + " is a folder, not a file");
		}
		Optional<FileTypes.FileType> type = FileTypes.of(relative);
		if (type.isEmpty()) {
			String extension = FileTypes.extension(relative);
			return problem.say((extension.isEmpty() ? "files without an extension" : "." + extension + " files")
					+ " are not served; the types that are: " + FileTypes.listed());
		}
		if (link.image() && !type.get().image()) {
			return problem.say(relative + " is not an image (images: .avif, .gif, .jpeg, .jpg, .png, .svg, .webp); "
					+ "to offer it for download, link to it: [text](" + written + ")");
		}
		if (attributes.size() > maxSize) {
			return problem.say(relative + " is " + size(attributes.size()) + ", over the limit of " + size(maxSize)
					+ " (faqkb.content.max-file-size)");
		}
		FileFacts.Facts known;
		try {
			known = facts.of(real, Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS),
					type.get());
		}
		catch (IOException ex) {
			return problem.say("cannot read " + relative + ": " + ex.getMessage());
		}
		if (type.get().image() && !type.get().contentType().equals("image/svg+xml") && known.imageSize().isEmpty()) {
			return problem.say("cannot read " + relative + " as an image of its type (" + type.get().contentType()
					+ "): is it really a ." + FileTypes.extension(relative) + " file?");
		}
		ServedFile served = used.computeIfAbsent(real,
				key -> new ServedFile(relative, real, type.get(), known.size(), known.modified(), known.hash(),
						known.imageSize().map(ImageSizes.Size::width).orElse(0),
						known.imageSize().map(ImageSizes.Size::height).orElse(0)));
		String address = served.url() + (end >= 0 ? url.substring(end) : "");
		addresses.computeIfAbsent(category.file(), source -> new LinkedHashMap<>()).put(url, address);
		return Optional.of(address);
	}

	/** The files that passed, each once. */
	Collection<ServedFile> used() {
		return used.values();
	}

	/**
	 * The files that passed and the addresses that links to them became, for the catalog.
	 */
	ServedFiles served() {
		return ServedFiles.of(used.values(), addresses);
	}

	private static int indexOfAny(String text, char first, char second) {
		int a = text.indexOf(first);
		int b = text.indexOf(second);
		return a < 0 ? b : b < 0 ? a : Math.min(a, b);
	}

	/** {@code 12.5 MB}, {@code 10 MB}, {@code 300 KB}, {@code 12 bytes}. */
	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		boolean mega = bytes >= 1024 * 1024;
		double value = bytes / (mega ? 1024.0 * 1024.0 : 1024.0);
		String unit = mega ? " MB" : " KB";
		return (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value)) + unit;
	}

	/** Adds one error about one link, located at its line. */
	private record Problem(Path file, int line, String what, List<ContentError> errors) {

		Optional<String> say(String why) {
			errors.add(new ContentError(file, line, what + ": " + why));
			return Optional.empty();
		}

	}

}
