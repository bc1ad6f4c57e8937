package dev.faqkb.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Bodies compressed once and sent to every reader whose browser takes gzip, and the one
 * rule for whether it does. Thread-safe (no state).
 */
public final class Gzip {

	private Gzip() {
	}

	/**
	 * {@code bytes} gzipped at {@code level} ({@link Deflater#BEST_SPEED} to
	 * {@link Deflater#BEST_COMPRESSION}).
	 */
	public static byte[] of(byte[] bytes, int level) {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream(bytes.length / 3 + 64);
		try (OutputStream out = stream(gzipped, level)) {
			out.write(bytes);
		}
		catch (IOException cannotHappenInMemory) {
			throw new UncheckedIOException(cannotHappenInMemory);
		}
		return gzipped.toByteArray();
	}

	/** A gzip stream into {@code out} at {@code level}. */
	public static GZIPOutputStream stream(OutputStream out, int level) throws IOException {
		return new Leveled(out, level);
	}

	/**
	 * Whether {@code Accept-Encoding} takes gzip: named (or {@code *}) without
	 * {@code q=0}.
	 */
	public static boolean accepted(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		if (acceptEncoding.indexOf(';') < 0) {
			// What browsers send ("gzip, deflate, br, zstd"): no weights to read.
			return acceptEncoding.contains("gzip") || acceptEncoding.contains("*");
		}
		Boolean any = null;
		for (String part : acceptEncoding.split(",")) {
			String[] coding = part.split(";");
			String name = coding[0].strip().toLowerCase(Locale.ROOT);
			boolean accepted = coding.length < 2 || !refused(coding[1]);
			if (name.equals("gzip") || name.equals("x-gzip")) {
				return accepted;
			}
			if (name.equals("*")) {
				any = accepted;
			}
		}
		return any != null && any;
	}

	private static boolean refused(String parameter) {
		String q = parameter.strip().toLowerCase(Locale.ROOT);
		if (!q.startsWith("q=")) {
			return false;
		}
		try {
			return Double.parseDouble(q.substring(2)) <= 0;
		}
		catch (NumberFormatException unreadable) {
			return false;
		}
	}

	private static final class Leveled extends GZIPOutputStream {

		Leveled(OutputStream out, int level) throws IOException {
			super(out, 8192);
			def.setLevel(level);
		}

	}

}
