package dev.faqkb.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketsTest {

	static final long SECOND = 1_000_000_000L;

	@Test
	void aClientMaySendItsMinutesWorthAtOnceThenOneMoreAsEachTokenComesBack() {
		TokenBuckets limits = new TokenBuckets("faqkb.test.rate-limit", 3);

		assertThat(limits.tryAcquire("192.0.2.1", 0)).isTrue();
		assertThat(limits.tryAcquire("192.0.2.1", 0)).isTrue();
		assertThat(limits.tryAcquire("192.0.2.1", 0)).isTrue();
		assertThat(limits.tryAcquire("192.0.2.1", 0)).isFalse();
		assertThat(limits.tryAcquire("192.0.2.1", 19 * SECOND)).isFalse();
		assertThat(limits.tryAcquire("192.0.2.1", 20 * SECOND)).isTrue();
		assertThat(limits.tryAcquire("192.0.2.1", 20 * SECOND)).isFalse();
	}

	@Test
	void clientsHaveBucketsOfTheirOwn() {
		TokenBuckets limits = new TokenBuckets("faqkb.test.rate-limit", 1);

		assertThat(limits.tryAcquire("team|anna", 0)).isTrue();
		assertThat(limits.tryAcquire("team|anna", 0)).isFalse();
		assertThat(limits.tryAcquire("team|ben", 0)).isTrue();
	}

	@Test
	void aLimitBelowOneNamesItsSetting() {
		assertThatThrownBy(() -> new TokenBuckets("faqkb.ask.rate-limit", 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("faqkb.ask.rate-limit must be at least 1 (requests per minute), not 0");
	}

}
