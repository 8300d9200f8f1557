package com.stockcast.jobs;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Job gauges, read from the job database: {@code stockcast.jobs{status}} (jobs in each status) and
 * {@code stockcast.jobs.chunks{state=done|left}} (chunks of the queued and running jobs). They count
 * the whole database, so every instance on one database reports the same values: dashboards take
 * their {@code max}, not their sum.
 *
 * <p>The gauges read a tally kept in memory; a read that finds it older than {@link #MAX_AGE} has it
 * counted again (one small grouped query) on a thread of its own. So a scrape never waits for the
 * database: while the database hangs or is away, the job gauges read their last value or NaN (a gap
 * in the graph), and every other meter is still scraped on time.
 */
@Component
class JobMetrics implements MeterBinder, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

	static final Duration MAX_AGE = Duration.ofSeconds(1);

	private final JobStore store;

	private final LongSupplier nanoTime;

	private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "job-metrics");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private volatile JobStore.Tally tally;

	private volatile long countedAt;

	@Autowired
	JobMetrics(JobStore store) {
		this(store, System::nanoTime);
	}

	/** With {@code nanoTime} as the clock that ages the tally: a test moves it to start a recount. */
	JobMetrics(JobStore store, LongSupplier nanoTime) {
		this.store = store;
		this.nanoTime = nanoTime;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		count(); // at startup the database is there (migrations just ran), so the first scrape has values
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

	/**
	 * The latest tally, without waiting; null while the database is away. When it is older than
	 * {@link #MAX_AGE}, a new count starts in the background (one at a time).
	 */
	JobStore.Tally current() {
		if (this.nanoTime.getAsLong() - this.countedAt > MAX_AGE.toNanos() && !this.refresher.isShutdown()
				&& this.refreshing.compareAndSet(false, true)) {
			this.refresher.execute(() -> {
				try {
					count();
				}
				finally {
					this.refreshing.set(false);
				}
			});
		}
		return this.tally;
	}

	private void count() {
		try {
			this.tally = this.store.tally();
		}
		catch (DataAccessException | CannotCreateTransactionException ex) {
			log.debug("Job gauges unavailable: {}", ex.toString());
			this.tally = null;
		}
		this.countedAt = this.nanoTime.getAsLong();
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
	}

}
