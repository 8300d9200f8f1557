package com.stockcast.security;

import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The clients' buckets in PostgreSQL (table {@value #TABLE}, migration
 * {@code postgresql/V7__rate_limit_bucket.sql}), shared by every instance on the database: behind
 * any number of pods a client gets its rate once. A request reads and writes its client's row under
 * {@code select ... for update}, in a transaction of its own: a few round trips, measured in
 * docs/operations.md. Rows of buckets that have filled up again expire {@code idleAfter} later and
 * are deleted in batches.
 *
 * <p>While the database cannot be reached, requests are not refused for it (synchronous forecasts do
 * not need the database): for {@link #RETRY} the instance counts with {@link LocalBuckets}, as if
 * it were alone, and then tries the shared buckets again.
 */
final class SharedBuckets implements RateLimiter.ClientBuckets {

	static final String TABLE = "rate_limit_bucket";

	/** How long the instance counts alone after the database failed it. */
	static final Duration RETRY = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	private final LocalBuckets fallback;

	private final long cleanupNanos;

	private volatile long nextCleanup;

	private volatile long sharedAgainAt;

	SharedBuckets(SecuritySettings.RateLimit settings, DataSource dataSource, LocalBuckets fallback) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(settings.idleAfter()))
			.build();
		this.configuration = RateLimiter.configuration(settings);
		this.fallback = fallback;
		this.cleanupNanos = settings.idleAfter().toNanos();
		long now = System.nanoTime();
		this.nextCleanup = now + this.cleanupNanos;
		this.sharedAgainAt = now;
	}

	/** Whether {@code dataSource} is PostgreSQL, where the buckets can be shared. */
	static boolean supported(DataSource dataSource) {
		String product = new JdbcTemplate(dataSource).execute((ConnectionCallback<String>) connection -> connection
			.getMetaData()
			.getDatabaseProductName());
		return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
	}

	@Override
	public ConsumptionProbe tryConsume(String id) {
		long now = System.nanoTime();
		if (now - this.sharedAgainAt < 0) {
			return this.fallback.tryConsume(id);
		}
		try {
			removeExpiredWhenDue(now);
			return this.buckets.getProxy(id, () -> this.configuration).tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			this.sharedAgainAt = now + RETRY.toNanos();
			log.warn("Shared rate limit unavailable; this instance counts on its own for {} s: {}", RETRY.toSeconds(),
					ex.toString());
			return this.fallback.tryConsume(id);
		}
	}

	private void removeExpiredWhenDue(long now) {
		if (now - this.nextCleanup < 0) {
			return;
		}
		this.nextCleanup = now + this.cleanupNanos;
		while (this.buckets.removeExpired(1_000) == 1_000) {
			// Another batch: many clients went quiet at once.
		}
	}

}
