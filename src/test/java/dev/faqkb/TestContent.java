package dev.faqkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small content folder for tests: categories {@code help} (three questions) and {@code billing} (one).
 */
public final class TestContent {

	private TestContent() {
	}

	public static Path write(Path dir) {
		try {
			Files.writeString(dir.resolve("site.yml"), "title: Test FAQ\n");
			Files.writeString(dir.resolve("help.md"), """
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
			Files.writeString(dir.resolve("billing.md"), """
					---
					title: Billing
					order: 2
					---

					## Which cards do you accept? {#cards}

					Visa and Mastercard.
					""");
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
