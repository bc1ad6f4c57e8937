package dev.faqkb.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

import dev.faqkb.content.FileTypes;
import dev.faqkb.search.Synonyms;

/**
 * The files of the content folder that the content is read from or serves, and a
 * fingerprint of them to tell whether they changed.
 */
final class ContentFiles {

	private ContentFiles() {
	}

	/**
	 * Size, modification time and file key (inode) of each content file, by name: those
	 * of the folder and of its subfolders, which may be translations
	 * ({@code fr/general.md}), and the images and files answers may use, in any folder.
	 * Editors' swap and backup files ({@code .general.md.swp}, {@code general.md~}) are
	 * left out, so that they cause no reload.
	 */
	static Map<String, String> fingerprint(Path dir) {
		Map<String, String> files = new TreeMap<>();
		add(dir, "", files);
		files.putAll(answerFiles(dir));
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
						files.put(prefix + name,
								attributes.size() + "@" + attributes.lastModifiedTime() + "/" + attributes.fileKey());
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

	/**
	 * The same of every file in the folder and its folders that answers may show or link
	 * to (a type on {@link FileTypes}' list), by path: a new screenshot reloads the
	 * content, which gives it a new address. Hidden files and folders ({@code .git}) are
	 * never served, so never looked into.
	 */
	private static Map<String, String> answerFiles(Path dir) {
		Map<String, String> files = new TreeMap<>();
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
					return folder.equals(dir) || !hidden(folder) ? FileVisitResult.CONTINUE
							: FileVisitResult.SKIP_SUBTREE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile() && !hidden(file)
							&& FileTypes.of(file.getFileName().toString()).isPresent()) {
						files.put(dir.relativize(file).toString(),
								attributes.size() + "@" + attributes.lastModifiedTime() + "/" + attributes.fileKey());
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE; // deleted while walking: the next
														// fingerprint sees it gone
				}

			});
		}
		catch (IOException ex) {
			files.put("", "cannot walk: " + ex.getMessage());
		}
		return files;
	}

	private static boolean hidden(Path file) {
		return file.getFileName().toString().startsWith(".");
	}

	static boolean isContentFile(String name) {
		return !name.startsWith(".")
				&& (name.endsWith(".md") || name.equals("site.yml") || name.equals(Synonyms.FILE_NAME));
	}

}
