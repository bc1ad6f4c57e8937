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
	 * Size, modification time and file key (inode) of each content file, by name: those of the folder and of its
	 * subfolders, which may be translations ({@code fr/general.md}). Editors' swap and backup files
	 * ({@code .general.md.swp}, {@code general.md~}) are left out, so that they cause no reload.
	 */
	static Map<String, String> fingerprint(Path dir) {
		Map<String, String> files = new TreeMap<>();
		add(dir, "", files);
		return files;
	}

	private static void add(Path dir, String prefix, Map<String, String> files) {
		try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
			for (Path file : listing) {
				String name = file.getFileName().toString();
				if (prefix.isEmpty() && !name.startsWith(".") && Files.isDirectory(file)) {
					add(file, name + "/", files);
				}
				else if (isContentFile(name)) {
					try {
						BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
						files.put(prefix + name, attributes.size() + "@" + attributes.lastModifiedTime() + "/" + attributes.fileKey());
					}
					catch (NoSuchFileException ex) {
						// deleted while listing: the next fingerprint sees it gone
					}
				}
			}
		}
		catch (IOException ex) {
			files.put(prefix, "cannot list: " + ex.getMessage());
		}
	}

	static boolean isContentFile(String name) {
		return !name.startsWith(".")
				&& (name.endsWith(".md") || name.equals("site.yml") || name.equals(Synonyms.FILE_NAME));
	}

}
