package dev.faqkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Writes a content folder for tests: category files, {@code site.yml} and
 * {@code synonyms.txt}. The one fixture style of the tests: a {@code @TempDir} (or the
 * folder {@link Folder} gives an application context) and this. Writing a file again
 * replaces it, as an author's save does.
 */
public final class TestContent {

	private final Path dir;

	private TestContent(Path dir) {
		this.dir = dir;
	}

	/**
	 * A builder writing into {@code dir}, which is created with the first file written
	 * (so a test can still name a folder that does not exist).
	 */
	public static TestContent in(Path dir) {
		return new TestContent(dir);
	}

	/**
	 * The small site most tests use, see {@link #helpAndBilling()}; returns {@code dir}.
	 */
	public static Path write(Path dir) {
		return in(dir).helpAndBilling().dir();
	}

	public Path dir() {
		return dir;
	}

	/**
	 * Any file of the folder, as written; for front matter beyond a title, drafts, or
	 * broken content. {@code name} may name a file in a folder ({@code img/notes.txt}),
	 * which is created.
	 */
	public TestContent file(String name, String text) {
		return file(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * Any file of the folder with these bytes, such as an image ({@code img/flow.png}).
	 */
	public TestContent file(String name, byte[] content) {
		try {
			// a name may be in a subfolder, such as a translation's fr/general.md or an
			// image's img/flow.png
			Path file = dir.resolve(name);
			Files.createDirectories(file.getParent());
			Files.write(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * The category file {@code <id>.md} with front matter {@code title: <title>} and the
	 * given body.
	 */
	public TestContent category(String id, String title, String body) {
		return file(id + ".md", "---\ntitle: " + title + "\n---\n" + body);
	}

	/**
	 * The category file {@code <language>/<id>.md}: a translation of the category
	 * {@code <id>}.
	 */
	public TestContent translation(String language, String id, String title, String body) {
		return category(language + "/" + id, title, body);
	}

	/**
	 * The hash that names a file of the folder with this content in its address
	 * ({@code /files/<hash>/name}).
	 */
	public static String fileHash(byte[] content) {
		return java.util.HexFormat.of().formatHex(dev.faqkb.system.Sha256.of(content)).substring(0, 20);
	}

	public TestContent site(String yaml) {
		return file("site.yml", yaml);
	}

	/** {@code synonyms.txt}: one rule a line, in the Solr format. */
	public TestContent synonyms(String rules) {
		return file("synonyms.txt", rules);
	}

	public TestContent delete(String name) {
		try {
			Files.deleteIfExists(dir.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * A copy of every file of {@code folder}, such as the demo site in {@code content/}.
	 */
	public TestContent copyOf(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			Files.createDirectories(dir);
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, dir.resolve(file.getFileName().toString()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * A site titled "Test FAQ" with the categories {@code help} (questions
	 * {@code reset-password}, {@code delete-account} and {@code export}) and
	 * {@code billing} (question {@code cards}).
	 */
	public TestContent helpAndBilling() {
		site("title: Test FAQ\n");
		file("help.md", """
				---
				title: Help
				order: 1
				---

				## How do I reset my password? {#reset-password}

				Open the account page and choose "Reset password".

				## How do I delete my account? {#delete-account}

				Write to support; we delete it within a week.

				## Can I export my data? {#export}

				Yes, from the account page.
				""");
		return file("billing.md", """
				---
				title: Billing
				order: 2
				---

				## Which cards do you accept? {#cards}

				Visa and Mastercard.
				""");
	}

	/**
	 * Drafts beside what is published: the category {@code general} (title "General")
	 * with the published question {@code install} ("How do I install it?", answered "Run
	 * the installer."), the draft question {@code secret} ("Not ready yet", answered "A
	 * draft answer.") and a draft without an id ("Coming later"), and the draft category
	 * {@code upcoming} ("Upcoming") with its question {@code ready} ("Is it ready?").
	 */
	public TestContent drafts() {
		category("general", "General", """

				## How do I install it? {#install}

				Run the installer.

				## Not ready yet {#secret .draft}

				A draft answer.

				## Coming later {.draft}

				Another draft answer.
				""");
		return file("upcoming.md", """
				---
				title: Upcoming
				draft: true
				---

				## Is it ready? {#ready}

				Not yet.
				""");
	}

	/**
	 * Gives the test class's application context a content folder and an in-memory H2
	 * database, and {@code faqkb.content.watch=false}. The folder is written by the
	 * class's {@link Setup} method, or is {@link #helpAndBilling()} without one. Test
	 * classes whose setups write the same files (and whose configuration is otherwise the
	 * same) share one context, and with it the folder, the database and what is kept in
	 * memory (pages, rate limits): a class that asserts on what every class writes there,
	 * or puts the application in a state others would notice, is {@link OwnContext}; a
	 * class that injects this builder (to change its content while it runs) gets a
	 * context of its own too. The folder lives as long as the context. Properties of the
	 * test class win over these, so {@code faqkb.content-dir=...} serves another folder
	 * (and then none is written).
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@ContextCustomizerFactories(TestContentCustomizer.Factory.class)
	public @interface Folder {

	}

	/**
	 * A context, content folder and database of the test class's own, even where another
	 * class has the same content: for a class whose assertions count what every class
	 * writes (all searches, all votes), or that changes the application's state (takes
	 * its storage away). Implied for a class that injects a {@link TestContent}.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Inherited
	public @interface OwnContext {

	}

	/**
	 * Marks a test class's {@code static void} method taking a {@link TestContent} that
	 * writes its content.
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Setup {

	}

}
