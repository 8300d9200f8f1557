package com.stockcast.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JobMetricsTest {

	/** How long a state the tests wait for may take to come about on a slow, loaded machine. */
	private static final Duration DEADLINE = Duration.ofMinutes(1);

	private final JobStore store = mock(JobStore.class);

	/** The clock that ages the tally: it stands still until a test moves it, so recounts start when the test says. */
	private final AtomicLong nanoTime = new AtomicLong();

	private final JobMetrics metrics = new JobMetrics(this.store, this.nanoTime::get);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@AfterEach
	void stop() {
		this.metrics.destroy();
	}

	@Test
	void countsJobsByStatusAndChunksOfUnfinishedJobs() {
		when(this.store.tally()).thenReturn(new JobStore.Tally(Map.of(JobStatus.QUEUED, 2L, JobStatus.SUCCEEDED, 7L), 3, 9));
		this.metrics.bindTo(this.registry);
		assertThat(jobs("queued").value()).isEqualTo(2);
		assertThat(jobs("succeeded").value()).isEqualTo(7);
		assertThat(jobs("running").value()).isZero();
		assertThat(jobs("failed").value()).isZero();
		assertThat(jobs("cancelled").value()).isZero();
		assertThat(this.registry.get("stockcast.jobs.chunks").tag("state", "done").gauge().value()).isEqualTo(3);
		assertThat(this.registry.get("stockcast.jobs.chunks").tag("state", "left").gauge().value()).isEqualTo(9);
	}

	@Test
	void aScrapeNeverWaitsForAHangingDatabase() {
		CountDownLatch hang = new CountDownLatch(1);
		when(this.store.tally()).thenReturn(tally(3)).thenAnswer(call -> {
			hang.await();
			return tally(5);
		});
		this.metrics.bindTo(this.registry);
		Gauge queued = jobs("queued");
		try {
			ageTheTally();
			// This read starts a recount, which hangs until the test lets it go: a read that waited for it
			// would never return, so any deadline tells the two apart.
			assertThat(readWithoutWaiting(queued)).isEqualTo(3);
			await().atMost(DEADLINE).untilAsserted(() -> verify(this.store, times(2)).tally());
			assertThat(readWithoutWaiting(queued)).as("the last value, while the recount hangs").isEqualTo(3);
		}
		finally {
			hang.countDown();
		}
		await().atMost(DEADLINE).until(queued::value, v -> v == 5);
	}

	@Test
	void readsNaNWhileTheDatabaseIsAwayAndCountsAgainOnceItIsBack() {
		when(this.store.tally()).thenReturn(tally(3))
			.thenThrow(new DataAccessResourceFailureException("database down"))
			.thenReturn(tally(4));
		this.metrics.bindTo(this.registry);
		Gauge queued = jobs("queued");
		assertThat(queued.value()).isEqualTo(3);
		ageTheTally();
		await().atMost(DEADLINE).until(queued::value, v -> Double.isNaN(v));
		ageTheTally();
		await().atMost(DEADLINE).until(queued::value, v -> v == 4);
	}

	private void ageTheTally() {
		this.nanoTime.addAndGet(JobMetrics.MAX_AGE.plusMillis(1).toNanos());
	}

	private static double readWithoutWaiting(Gauge gauge) {
		return assertTimeoutPreemptively(DEADLINE, gauge::value, "a scrape waited for the database");
	}

	private Gauge jobs(String status) {
		return this.registry.get("stockcast.jobs").tag("status", status).gauge();
	}

	private static JobStore.Tally tally(long queued) {
		return new JobStore.Tally(Map.of(JobStatus.QUEUED, queued), 0, 0);
	}

}
