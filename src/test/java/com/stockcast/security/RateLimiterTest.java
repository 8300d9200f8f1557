package com.stockcast.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit's arithmetic on the in-memory buckets, with a clock the test moves. */
class RateLimiterTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final TimeMeter clock = new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return RateLimiterTest.this.now.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	};

	private final SecuritySettings.RateLimit settings = new SecuritySettings.RateLimit(2, 4, Duration.ofMinutes(1));

	private final LocalBuckets buckets = new LocalBuckets(this.settings, this.clock);

	private final RateLimiter limiter = new RateLimiter(this.settings, this.buckets);

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
	void countsEachClientOnItsOwnAndForgetsFullOnes() {
		for (int i = 0; i < 4; i++) {
			this.limiter.acquire(this.client);
		}
		assertThat(this.limiter.acquire(new Client("store-2"))).isZero();
		assertThat(this.buckets.clients()).isEqualTo(2);
		this.now.addAndGet(Duration.ofMinutes(3).toNanos());
		this.limiter.acquire(this.client);
		assertThat(this.buckets.clients()).as("store-2's bucket, full again, forgotten").isEqualTo(1);
	}

	@Test
	void keepsABucketThatIsNotFullYet() {
		SecuritySettings.RateLimit slow = new SecuritySettings.RateLimit(0.001, 2, Duration.ofMinutes(1));
		LocalBuckets slowBuckets = new LocalBuckets(slow, this.clock);
		RateLimiter slowLimiter = new RateLimiter(slow, slowBuckets);
		slowLimiter.acquire(this.client);
		slowLimiter.acquire(this.client);
		this.now.addAndGet(Duration.ofMinutes(3).toNanos());
		assertThat(slowLimiter.acquire(new Client("store-2"))).isZero();
		assertThat(slowBuckets.clients()).as("store-1 has not got its tokens back").isEqualTo(2);
		assertThat(slowLimiter.acquire(this.client)).as("and is still refused").isPositive();
	}

	@Test
	void answersRetryAfterInWholeSecondsForSlowRates() {
		SecuritySettings.RateLimit slow = new SecuritySettings.RateLimit(0.1, 1, Duration.ofMinutes(1));
		RateLimiter slowLimiter = new RateLimiter(slow, new LocalBuckets(slow, this.clock));
		assertThat(slowLimiter.acquire(this.client)).isZero();
		assertThat(slowLimiter.acquire(this.client)).isEqualTo(10);
	}

	@Test
	void isOffAtRateZero() {
		SecuritySettings.RateLimit off = new SecuritySettings.RateLimit(0, 100, Duration.ofMinutes(1));
		assertThat(new RateLimiter(off, new LocalBuckets(off, this.clock)).enabled()).isFalse();
	}

}
