package com.stockcast.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final RateLimiter limiter = new RateLimiter(new SecuritySettings.RateLimit(2, 4, Duration.ofMinutes(1)),
			this.now::get);

	private final Client client = new Client("store-1");

	@Test
	void allowsABurstThenRefillsAtTheRate() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.limiter.acquire(this.client)).isZero();
		}
		assertThat(this.limiter.acquire(this.client)).isEqualTo(1);
		this.now.addAndGet(500_000_000L);
		assertThat(this.limiter.acquire(this.client)).as("one token after half a second at 2/s").isZero();
		assertThat(this.limiter.acquire(this.client)).isEqualTo(1);
		this.now.addAndGet(Duration.ofHours(1).toNanos());
		for (int i = 0; i < 4; i++) {
			assertThat(this.limiter.acquire(this.client)).as("never more than the burst").isZero();
		}
		assertThat(this.limiter.acquire(this.client)).isPositive();
	}

	@Test
	void countsEachClientOnItsOwnAndForgetsIdleOnes() {
		for (int i = 0; i < 4; i++) {
			this.limiter.acquire(this.client);
		}
		assertThat(this.limiter.acquire(new Client("store-2"))).isZero();
		assertThat(this.limiter.clients()).isEqualTo(2);
		this.now.addAndGet(Duration.ofMinutes(3).toNanos());
		this.limiter.acquire(this.client);
		assertThat(this.limiter.clients()).as("store-2's idle bucket forgotten").isEqualTo(1);
	}

	@Test
	void answersRetryAfterInWholeSecondsForSlowRates() {
		RateLimiter slow = new RateLimiter(new SecuritySettings.RateLimit(0.1, 1, Duration.ofMinutes(1)), this.now::get);
		assertThat(slow.acquire(this.client)).isZero();
		assertThat(slow.acquire(this.client)).isEqualTo(10);
	}

}
