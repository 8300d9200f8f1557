package com.stockcast.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.DoublePredicate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

class JobMetricsTest {

	private final JobStore store = mock(JobStore.class);

	private final JobMetrics metrics = new JobMetrics(this.store);

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
	@Timeout(30) // a scrape that waited for the database would hang here
	void aScrapeNeverWaitsForAHangingDatabase() throws Exception {
		CountDownLatch hang = new CountDownLatch(1);
		when(this.store.tally()).thenReturn(tally(3)).thenAnswer(call -> {
			hang.await();
			return tally(5);
		}).thenReturn(tally(5));
		this.metrics.bindTo(this.registry);
		Gauge queued = jobs("queued");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (mockingDetails(this.store).getInvocations().size() < 2) {
			assertPromptly(queued, v -> v == 3);
			assertThat(Instant.now()).as("a recount started").isBefore(deadline);
			Thread.sleep(50);
		}
		assertPromptly(queued, v -> v == 3); // the recount hangs; the last value is read at once
		hang.countDown();
		awaitValue(queued, v -> v == 5);
	}

	@Test
	void readsNaNWhileTheDatabaseIsAwayAndCountsAgainOnceItIsBack() throws Exception {
		when(this.store.tally()).thenReturn(tally(3))
			.thenThrow(new DataAccessResourceFailureException("database down"))
			.thenReturn(tally(4));
		this.metrics.bindTo(this.registry);
		Gauge queued = jobs("queued");
		assertThat(queued.value()).isEqualTo(3);
		awaitValue(queued, Double::isNaN);
		awaitValue(queued, v -> v == 4);
	}

	private Gauge jobs(String status) {
		return this.registry.get("stockcast.jobs").tag("status", status).gauge();
	}

	private static void assertPromptly(Gauge gauge, DoublePredicate expected) {
		long started = System.nanoTime();
		double value = gauge.value();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
		assertThat(expected.test(value)).as("value %s", value).isTrue();
	}

	/** Reads the gauge, as scrapes would, until it shows the expected value. */
	private static void awaitValue(Gauge gauge, DoublePredicate expected) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!expected.test(gauge.value())) {
			assertThat(Instant.now()).as("gauge reached the expected value in time, now %s", gauge.value())
				.isBefore(deadline);
			Thread.sleep(50);
		}
	}

	private static JobStore.Tally tally(long queued) {
		return new JobStore.Tally(Map.of(JobStatus.QUEUED, queued), 0, 0);
	}

}
