package dev.faqkb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small filesystem of its own (a tmpfs), to fill up as a real disk fills up. Mounting
 * needs root (or the right capability): where {@code mount} is refused, the test using it
 * is skipped with a message. Unmounted on close.
 */
public final class SmallDisk implements AutoCloseable {

	private final Path dir;

	private final Path filler;

	private SmallDisk(Path dir) {
		this.dir = dir;
		this.filler = dir.resolve("filler");
	}

	/**
	 * Mounts a tmpfs of {@code megabytes} on the (empty) folder {@code dir}, or skips the
	 * test.
	 */
	public static SmallDisk mount(Path dir, int megabytes) throws IOException, InterruptedException {
		Files.createDirectories(dir);
		String why = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString()));
		Assumptions.assumeTrue(why == null, () -> "Skipped: a small filesystem could not be mounted for the full-disk "
				+ "test (it needs root, as in CI): " + why);
		return new SmallDisk(dir);
	}

	public Path dir() {
		return dir;
	}

	/**
	 * Writes a file until the filesystem has only {@code leftBytes} free (about: to a 64
	 * KB block); called again, adds to it, taking what was freed meanwhile.
	 */
	public void fill(long leftBytes) throws IOException {
		byte[] block = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
			for (long toWrite = freeBytes() - leftBytes; toWrite > 0; toWrite -= block.length) {
				out.write(block, 0, (int) Math.min(block.length, toWrite));
			}
		}
		catch (IOException noSpaceLeft) {
			if (freeBytes() > block.length) {
				throw noSpaceLeft;
			}
		}
	}

	/** Gives the space of {@link #fill(long)} back. */
	public void free() throws IOException {
		Files.deleteIfExists(filler);
	}

	public long freeBytes() throws IOException {
		return Files.getFileStore(dir).getUsableSpace();
	}

	@Override
	public void close() throws IOException, InterruptedException {
		run(List.of("umount", "-l", dir.toString()));
	}

	/**
	 * Runs {@code command}; {@code null} when it succeeded, otherwise what it printed.
	 */
	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException notThere) {
			return notThere.getMessage();
		}
		String output = new String(process.getInputStream().readAllBytes()).strip();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return command + " did not finish";
		}
		return process.exitValue() == 0 ? null : command.get(0) + " exited with " + process.exitValue() + ": " + output;
	}

}
