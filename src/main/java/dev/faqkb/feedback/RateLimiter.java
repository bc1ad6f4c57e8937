package dev.faqkb.feedback;

import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.TokenBuckets;

import org.springframework.stereotype.Component;

/**
 * {@code faqkb.feedback.rate-limit} votes per minute per client, by the shared {@link TokenBuckets}; the unique
 * constraint on votes, not this, is what keeps counts exact. A bean only because {@code FeedbackController} takes
 * one: it can hold a {@code TokenBuckets} itself, as the ask form does, and this class go.
 */
@Component
class RateLimiter {

	private final TokenBuckets limits;

	RateLimiter(FaqkbProperties properties) {
		this.limits = new TokenBuckets("faqkb.feedback.rate-limit", properties.feedback().rateLimit());
	}

	/** Takes one token for {@code client}; {@code false} when it has none left. */
	boolean tryAcquire(String client) {
		return limits.tryAcquire(client);
	}

}
