package dev.faqkb.content;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the content folder that one snapshot's content uses, by their address:
 * exactly what may be served from the folder, made once per load. A file that nothing
 * served links to or shows is not in it. Immutable.
 */
public final class ServedFiles {

	public static final ServedFiles NONE = new ServedFiles(Map.of(), Map.of(), Map.of());

	private final Map<String, ServedFile> byAddress;

	private final Map<String, ServedFile> byUrl;

	private final Map<Path, Map<String, String>> links;

	private ServedFiles(Map<String, ServedFile> byAddress, Map<String, ServedFile> byUrl,
			Map<Path, Map<String, String>> links) {
		this.byAddress = byAddress;
		this.byUrl = byUrl;
		this.links = links;
	}

	/**
	 * @param links for each category file, the address that each of its links to a file
	 * became, by the link's URL as written
	 */
	static ServedFiles of(Collection<ServedFile> files, Map<Path, Map<String, String>> links) {
		Map<String, ServedFile> byAddress = new LinkedHashMap<>();
		Map<String, ServedFile> byUrl = new LinkedHashMap<>();
		files.forEach(file -> {
			byAddress.put(key(file.hash(), file.name()), file);
			byUrl.put(file.url(), file);
		});
		Map<Path, Map<String, String>> linksCopy = new LinkedHashMap<>();
		links.forEach((source, targets) -> linksCopy.put(source, Map.copyOf(targets)));
		return new ServedFiles(Map.copyOf(byAddress), Map.copyOf(byUrl), Map.copyOf(linksCopy));
	}

	/**
	 * The address that a link or image in the category file {@code source} to a file of
	 * the folder became ({@code /files/<hash>/manual.pdf#page=2}), by its URL as written
	 * ({@code files/manual.pdf#page=2}): what answers given outside the site (chat, AI
	 * assistants, llms-full.txt) link to, made absolute.
	 */
	public Optional<String> address(Path source, String url) {
		return Optional.ofNullable(links.getOrDefault(source, Map.of()).get(url));
	}

	/** Each file by its address as pages link it ({@link ServedFile#url()}). */
	Map<String, ServedFile> byUrl() {
		return byUrl;
	}

	/**
	 * The file served at {@code url} exactly as pages link it ({@link ServedFile#url()}),
	 * if this content uses it.
	 */
	public Optional<ServedFile> atUrl(String url) {
		return Optional.ofNullable(byUrl.get(url));
	}

	/**
	 * The file served at {@code /files/<hash>/<name>} ({@code name} decoded), if this
	 * content uses it.
	 */
	public Optional<ServedFile> find(String hash, String name) {
		return Optional.ofNullable(byAddress.get(key(hash, name)));
	}

	/** Every file served, in no particular order. */
	public Collection<ServedFile> all() {
		return byAddress.values();
	}

	private static String key(String hash, String name) {
		return hash + "/" + name;
	}

}
