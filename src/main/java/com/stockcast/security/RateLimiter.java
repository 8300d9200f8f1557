package com.stockcast.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, in this process: each client's bucket fills at
 * {@code requestsPerSecond} up to {@code burst}, and a request takes one token. Several instances
 * each count on their own, so a client may reach the limit once per instance.
 */
final class RateLimiter {

	private final double perNano;

	private final double burst;

	private final long idleNanos;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private volatile long nextSweep;

	RateLimiter(SecuritySettings.RateLimit settings, LongSupplier nanoTime) {
		this.perNano = settings.requestsPerSecond() / 1e9;
		this.burst = settings.burst();
		this.idleNanos = settings.idleAfter().toNanos();
		this.nanoTime = nanoTime;
		this.nextSweep = nanoTime.getAsLong() + this.idleNanos;
	}

	boolean enabled() {
		return this.perNano > 0;
	}

	/**
	 * Takes a token from {@code client}'s bucket.
	 * @return 0 when the request may go ahead, otherwise the whole seconds (at least 1) until a token is there
	 */
	long acquire(Client client) {
		long now = this.nanoTime.getAsLong();
		sweep(now);
		Bucket bucket = this.buckets.computeIfAbsent(client.id(), id -> new Bucket(this.burst, now));
		synchronized (bucket) {
			bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updated) * this.perNano);
			bucket.updated = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			double waitNanos = (1 - bucket.tokens) / this.perNano;
			return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
		}
	}

	/** Forgets buckets untouched for {@code idleAfter}: they would be full again, as a new one is. */
	private void sweep(long now) {
		if (now - this.nextSweep < 0) {
			return;
		}
		this.nextSweep = now + this.idleNanos;
		this.buckets.values().removeIf(bucket -> now - bucket.updated > this.idleNanos);
	}

	int clients() {
		return this.buckets.size();
	}

	private static final class Bucket {

		double tokens;

		long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}

	}

}
