package dev.faqkb.feedback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.faqkb.system.FaqkbProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client: {@code faqkb.feedback.rate-limit} posts per minute, refilled continuously, with
 * bursts up to the same number. In memory and per instance, which is enough to stop a script; the unique
 * constraint on votes, not this, is what keeps counts exact. Thread-safe.
 */
@Component
public class RateLimiter {

	private static final long MINUTE_NANOS = 60_000_000_000L;

	private final int perMinute;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public RateLimiter(FaqkbProperties properties) {
		this.perMinute = properties.feedback().rateLimit();
		if (perMinute < 1) {
			throw new IllegalArgumentException(
					"faqkb.feedback.rate-limit must be at least 1 (feedback posts per minute), not " + perMinute);
		}
	}

	/** Takes one token for {@code client}; {@code false} when it has none left. */
	public boolean tryAcquire(String client) {
		return tryAcquire(client, System.nanoTime());
	}

	boolean tryAcquire(String client, long now) {
		return buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now)).take(perMinute, now);
	}

	/** Forgets clients whose bucket has filled up again, so the map does not grow with every address ever seen. */
	@Scheduled(fixedDelay = 60_000)
	void forgetIdle() {
		long now = System.nanoTime();
		buckets.values().removeIf(bucket -> bucket.isFull(perMinute, now));
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
			updated = now;
		}

	}

}
