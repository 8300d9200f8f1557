package com.stockcast.security;

import java.time.Duration;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While PostgreSQL cannot be reached, the shared buckets give way to this instance's own, so requests
 * are still limited (per instance) and never refused for the database's sake. The shared buckets
 * themselves, across two instances, are tested by {@code ReplicasIT}.
 */
class SharedBucketsTest {

	@Test
	void countsOnItsOwnWhileTheDatabaseIsAway() {
		SecuritySettings.RateLimit settings = new SecuritySettings.RateLimit(0.0001, 2, Duration.ofMinutes(10));
		// Nothing listens on port 1: every connection is refused at once.
		DriverManagerDataSource away = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/stockcast");
		RateLimiter limiter = new RateLimiter(settings,
				new SharedBuckets(settings, away, new LocalBuckets(settings, TimeMeter.SYSTEM_NANOTIME)));
		Client client = new Client("store-1");
		assertThat(limiter.acquire(client)).isZero();
		assertThat(limiter.acquire(client)).isZero();
		assertThat(limiter.acquire(client)).as("the burst spent, in this instance's bucket").isPositive();
	}

}
