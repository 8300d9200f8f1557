package com.stockcast.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The clients' buckets in this process's memory: the embedded default, where one instance serves
 * every request anyway, and the stand-in for {@link SharedBuckets} while PostgreSQL is away.
 * Every {@code idleAfter}, buckets that have filled up again are forgotten: a full bucket is the
 * same as a new one, so forgetting it changes nothing but the memory it took.
 */
final class LocalBuckets implements RateLimiter.ClientBuckets {

	private final BucketConfiguration configuration;

	private final TimeMeter time;

	private final long sweepNanos;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private volatile long nextSweep;

	LocalBuckets(SecuritySettings.RateLimit settings, TimeMeter time) {
		this.configuration = RateLimiter.configuration(settings);
		this.time = time;
		this.sweepNanos = settings.idleAfter().toNanos();
		this.nextSweep = time.currentTimeNanos() + this.sweepNanos;
	}

	@Override
	public ConsumptionProbe tryConsume(String id) {
		sweep();
		return this.buckets.computeIfAbsent(id, key -> newBucket()).tryConsumeAndReturnRemaining(1);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(this.configuration.getBandwidths()[0])
			.withCustomTimePrecision(this.time)
			.build();
	}

	private void sweep() {
		long now = this.time.currentTimeNanos();
		if (now - this.nextSweep < 0) {
			return;
		}
		this.nextSweep = now + this.sweepNanos;
		long full = this.configuration.getBandwidths()[0].getCapacity();
		this.buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= full);
	}

	int clients() {
		return this.buckets.size();
	}

}
