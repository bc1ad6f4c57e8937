package dev.faqkb.feedback;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import dev.faqkb.system.Sha256;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a reader cookie and a client address into a salted SHA-256 hash, so that votes
 * can be told apart without storing an address. The salt changes every day and lives in
 * the database, so every instance hashes the same reader the same way, and a day's hashes
 * cannot be linked to the next day's. Thread-safe.
 */
@Component
public class ClientHashes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AtomicReference<DaySalt> current = new AtomicReference<>();

	public ClientHashes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Who voted: the same reader cookie from the same address on the same day gives the
	 * same hash.
	 */
	public String reader(String readerId, String clientAddress, LocalDate day) {
		return Sha256.hex(salt(day) + "|reader|" + readerId + "|" + clientAddress);
	}

	String salt(LocalDate day) {
		DaySalt known = current.get();
		if (known != null && known.day().equals(day)) {
			return known.salt();
		}
		String salt = loadOrCreate(day);
		current.set(new DaySalt(day, salt));
		return salt;
	}

	private String loadOrCreate(LocalDate day) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		try {
			jdbc.sql("INSERT INTO daily_salt (salt_day, salt) VALUES (:day, :salt)")
				.param("day", day)
				.param("salt", HexFormat.of().formatHex(bytes))
				.update();
			// Forget salts from before yesterday: their hashes can no longer be linked to
			// anyone.
			jdbc.sql("DELETE FROM daily_salt WHERE salt_day < :keep").param("keep", day.minusDays(1)).update();
		}
		catch (DataIntegrityViolationException alreadyThere) {
			// Another instance (or thread) made today's salt first; use theirs.
		}
		return jdbc.sql("SELECT salt FROM daily_salt WHERE salt_day = :day")
			.param("day", day)
			.query(String.class)
			.single();
	}

	private record DaySalt(LocalDate day, String salt) {
	}

}
