package dev.faqkb.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

import dev.faqkb.search.Synonyms;

/**
 * The files of the content folder that the content is read from, and a fingerprint of them to tell whether
 * they changed.
 */
final class ContentFiles {

	private ContentFiles() {
	}

	/**
	 * Size, modification time and file key (inode) of each content file, by name. Editors' swap and backup
	 * files ({@code .general.md.swp}, {@code general.md~}) are left out, so that they cause no reload.
	 */
	static Map<String, String> fingerprint(Path dir) {
		Map<String, String> files = new TreeMap<>();
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
			for (Path file : listing) {
				String name = file.getFileName().toString();
				if (isContentFile(name)) {
					try {
						BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
						files.put(name, attributes.size() + "@" + attributes.lastModifiedTime() + "/" + attributes.fileKey());
					}
					catch (NoSuchFileException ex) {
						// deleted while listing: the next fingerprint sees it gone
					}
				}
			}
		}
		catch (IOException ex) {
			files.put("", "cannot list: " + ex.getMessage());
		}
		return files;
	}

	static boolean isContentFile(String name) {
		return !name.startsWith(".")
				&& (name.endsWith(".md") || name.equals("site.yml") || name.equals(Synonyms.FILE_NAME));
	}

}
