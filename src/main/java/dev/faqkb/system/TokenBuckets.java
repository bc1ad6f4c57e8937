package dev.faqkb.system;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rate limit: one token bucket per client, {@code perMinute} requests a minute refilled
 * continuously, with bursts up to the same number. In memory and per instance, which is
 * enough to stop a script. Clients are kept only as salted hashes (the salt lives and
 * dies with the instance), so no address sits in memory. Thread-safe.
 */
public final class TokenBuckets {

	private static final long MINUTE_NANOS = 60_000_000_000L;

	// Look for idle clients every this many requests, so the map never grows with every
	// address ever seen.
	private static final int SWEEP_EVERY = 1024;

	private final int perMinute;

	private final String salt;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicInteger sinceSweep = new AtomicInteger();

	/**
	 * @param property the setting {@code perMinute} comes from, named in the error when
	 * it is below 1
	 */
	public TokenBuckets(String property, int perMinute) {
		if (perMinute < 1) {
			throw new IllegalArgumentException(
					property + " must be at least 1 (requests per minute), not " + perMinute);
		}
		this.perMinute = perMinute;
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		this.salt = HexFormat.of().formatHex(random);
	}

	/**
	 * Takes one token for {@code client} (an address, a user id); {@code false} when it
	 * has none left.
	 */
	public boolean tryAcquire(String client) {
		return tryAcquire(client, System.nanoTime());
	}

	boolean tryAcquire(String client, long now) {
		if (sinceSweep.incrementAndGet() % SWEEP_EVERY == 0) {
			buckets.values().removeIf(bucket -> bucket.isFull(perMinute, now));
		}
		return buckets.computeIfAbsent(Sha256.hex(salt + "|" + client), key -> new Bucket(perMinute, now))
			.take(perMinute, now);
	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.updated = now;
		}

		synchronized boolean take(int capacity, long now) {
			refill(capacity, now);
			if (tokens < 1) {
				return false;
			}
			tokens -= 1;
			return true;
		}

		synchronized boolean isFull(int capacity, long now) {
			refill(capacity, now);
			return tokens >= capacity;
		}

		private void refill(int capacity, long now) {
			tokens = Math.min(capacity, tokens + (double) (now - updated) * capacity / MINUTE_NANOS);
			updated = Math.max(updated, now);
		}

	}

}
