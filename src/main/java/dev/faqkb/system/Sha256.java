package dev.faqkb.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of bytes or of a string's UTF-8, for keys, salted hashes and content hashes. A
 * helper around the JDK's {@link MessageDigest} rather than a library (commons-codec has
 * one): every Java runtime must provide SHA-256, so all this adds is a digest per call
 * and no checked exception. Thread-safe.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** The 32-byte hash of {@code bytes}. */
	public static byte[] of(byte[] bytes) {
		return digest().digest(bytes);
	}

	/**
	 * A new digest, for bytes hashed as they come (a page as it is written); not
	 * thread-safe.
	 */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** The 32-byte hash of {@code text} as UTF-8. */
	public static byte[] of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The hash of {@code text} as UTF-8, in 64 lower-case hex digits. */
	public static String hex(String text) {
		return HexFormat.of().formatHex(of(text));
	}

}
