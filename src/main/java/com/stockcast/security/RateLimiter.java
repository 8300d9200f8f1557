package com.stockcast.security;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client (Bucket4j): each client's bucket fills at {@code requestsPerSecond} up to
 * {@code burst}, and a request takes one token. Where the buckets are kept decides how far the limit
 * holds: in PostgreSQL every instance draws from one bucket per client ({@link SharedBuckets}); on
 * the embedded default, a single instance, they are kept in memory ({@link LocalBuckets}).
 */
final class RateLimiter {

	private final ClientBuckets buckets;

	private final boolean enabled;

	RateLimiter(SecuritySettings.RateLimit settings, ClientBuckets buckets) {
		this.enabled = settings.requestsPerSecond() > 0;
		this.buckets = buckets;
	}

	/** The buckets' shape: {@code burst} tokens, which come back at {@code requestsPerSecond}. */
	static BucketConfiguration configuration(SecuritySettings.RateLimit settings) {
		double refillNanos = Math.min(Long.MAX_VALUE, settings.burst() * 1e9 / Math.max(settings.requestsPerSecond(), 1e-12));
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(settings.burst())
				.refillGreedy(settings.burst(), Duration.ofNanos(Math.max(1, (long) refillNanos)))
				.build())
			.build();
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * Takes a token from {@code client}'s bucket.
	 * @return 0 when the request may go ahead, otherwise the whole seconds (at least 1) until a token is there
	 */
	long acquire(Client client) {
		ConsumptionProbe probe = this.buckets.tryConsume(client.id());
		if (probe.isConsumed()) {
			return 0;
		}
		return Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
	}

	/** Where the clients' buckets are kept. */
	interface ClientBuckets {

		/** Takes one token from client {@code id}'s bucket, made full when it has none yet. */
		ConsumptionProbe tryConsume(String id);

	}

}
