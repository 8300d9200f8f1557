package com.stockcast.jobs;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Job gauges, read from the job database: {@code stockcast.jobs{status}} (jobs in each status) and
 * {@code stockcast.jobs.chunks{state=done|left}} (chunks of the queued and running jobs). They count
 * the whole database, so every instance on one database reports the same values: dashboards take
 * their {@code max}, not their sum.
 *
 * <p>A scrape reads all the gauges at once; they share one {@link JobStore#tally()} at most every
 * {@link #MAX_AGE}, so a scrape costs one small grouped query. While the database is away the gauges
 * read NaN (a gap in the graph) rather than a stale count.
 */
@Component
class JobMetrics implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

	static final Duration MAX_AGE = Duration.ofSeconds(1);

	private final JobStore store;

	private JobStore.Tally tally;

	private long readAt;

	JobMetrics(JobStore store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (JobStatus status : JobStatus.values()) {
			gauge(registry, "stockcast.jobs", "Jobs in the database by status", "status", status.text(),
					t -> t.jobs().getOrDefault(status, 0L));
		}
		gauge(registry, "stockcast.jobs.chunks", "Chunks of queued and running jobs, done or left", "state", "done",
				JobStore.Tally::chunksDone);
		gauge(registry, "stockcast.jobs.chunks", "Chunks of queued and running jobs, done or left", "state", "left",
				JobStore.Tally::chunksLeft);
	}

	private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
			ToDoubleFunction<JobStore.Tally> read) {
		Gauge.builder(name, this, metrics -> {
			JobStore.Tally current = metrics.current();
			return (current == null) ? Double.NaN : read.applyAsDouble(current);
		}).description(description).tag(tag, value).register(registry);
	}

	/** The latest tally, read again when older than {@link #MAX_AGE}; null while the database is away. */
	synchronized JobStore.Tally current() {
		long now = System.nanoTime();
		if (this.tally == null || now - this.readAt > MAX_AGE.toNanos()) {
			try {
				this.tally = this.store.tally();
			}
			catch (DataAccessException | CannotCreateTransactionException ex) {
				log.debug("Job gauges unavailable: {}", ex.toString());
				this.tally = null;
			}
			this.readAt = now;
		}
		return this.tally;
	}

}
