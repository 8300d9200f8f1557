package com.stockcast.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.dao.DataAccessResourceFailureException;

import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.output.ListFeatures;
import com.stockcast.parallel.PoolSettings;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JobRunnerTest {

	/** How long the runner may take to get to a call on a slow, loaded machine: generous, as only a failure waits it out. */
	private static final Duration DEADLINE = Duration.ofMinutes(5);

	private static final JobSettings SETTINGS = new JobSettings(Duration.ofDays(7), Duration.ofHours(1),
			Duration.ofMinutes(2), Duration.ofMillis(10), 3, 10, 1, 1000, 10);

	private final JobStore store = mock(JobStore.class);

	private JobRunner runner;

	@AfterEach
	void stop() {
		if (this.runner != null) {
			this.runner.stop();
		}
	}

	@Test
	void resumesClaimingOnceStorageIsBack() {
		JobStore.Chunk chunk = chunk(1);
		when(this.store.claim(any()))
			.thenThrow(new DataAccessResourceFailureException("database down"))
			.thenThrow(new DataAccessResourceFailureException("database down"))
			.thenReturn(Optional.of(chunk))
			.thenReturn(Optional.empty());
		when(this.store.complete(eq(chunk), any())).thenReturn(JobStore.Completion.STORED);
		start();
		// With one slot, a slot lost to either failure would leave the chunk unclaimed for good.
		await().atMost(DEADLINE).untilAsserted(() -> verify(this.store).complete(eq(chunk), any()));
	}

	@Test
	void givesAChunkBackWithoutCountingAnAttemptWhenStorageFailsMidWrite() {
		JobStore.Chunk chunk = chunk(1);
		JobStore.Chunk next = chunk(1);
		when(this.store.claim(any())).thenReturn(Optional.of(chunk)).thenReturn(Optional.of(next))
			.thenReturn(Optional.empty());
		doThrow(new DataAccessResourceFailureException("connection lost")).when(this.store).complete(eq(chunk), any());
		when(this.store.complete(eq(next), any())).thenReturn(JobStore.Completion.STORED);
		start();
		await().atMost(DEADLINE).untilAsserted(() -> verify(this.store).release(chunk, false));
		await().atMost(DEADLINE).untilAsserted(() -> verify(this.store).complete(eq(next), any()));
	}

	@Test
	void renewsTheLeaseOfAChunkThatTakesLongerThanTheLease() {
		JobStore.Chunk slow = chunk(1);
		when(this.store.claim(any())).thenReturn(Optional.of(slow)).thenReturn(Optional.empty());
		when(this.store.complete(eq(slow), any())).thenReturn(JobStore.Completion.STORED);
		// The worker holds the chunk until its 150 ms lease has been renewed seven times, a third of a
		// lease apart: the chunk outlives two whole leases, however slowly the machine runs either thread.
		CountDownLatch renewed = new CountDownLatch(1);
		AsyncTaskExecutor heldWorker = new TaskExecutorAdapter(task -> new Thread(() -> {
			try {
				renewed.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			task.run();
		}).start());
		start(new JobSettings(Duration.ofDays(7), Duration.ofHours(1), Duration.ofMillis(150), Duration.ofMillis(10), 3,
				10, 1, 1000, 10), heldWorker);
		try {
			await().atMost(DEADLINE)
				.untilAsserted(() -> verify(this.store, atLeast(7)).renew(eq(List.of(slow)), eq(Duration.ofMillis(150))));
		}
		finally {
			renewed.countDown();
		}
		await().atMost(DEADLINE).untilAsserted(() -> verify(this.store).complete(eq(slow), any()));
	}

	@Test
	void failsTheJobWhenAChunkHasUsedItsAttempts() {
		JobStore.Chunk exhausted = chunk(3);
		when(this.store.claim(any())).thenReturn(Optional.of(exhausted)).thenReturn(Optional.empty());
		start();
		await().atMost(DEADLINE).untilAsserted(() -> verify(this.store).move(argThat(move -> move.jobId().equals(exhausted.jobId())
				&& move.to() == JobStatus.FAILED && move.problem().contains("failed 3 times"))));
		verify(this.store, never()).complete(eq(exhausted), any());
		verify(this.store, never()).release(any(), anyBoolean());
	}

	@Test
	void failsTheJobWhenAChunkWasTakenOverMoreTimesThanAllowed() {
		// Crashes spend no attempts; a chunk in flight at eleven deaths of its worker is not tried again.
		JobStore.Chunk poison = chunk(0, 11);
		JobStore.Chunk survivor = chunk(0, 10);
		when(this.store.claim(any())).thenReturn(Optional.of(poison)).thenReturn(Optional.of(survivor))
			.thenReturn(Optional.empty());
		when(this.store.complete(eq(survivor), any())).thenReturn(JobStore.Completion.STORED);
		start();
		await().atMost(DEADLINE).untilAsserted(() -> verify(this.store).move(argThat(move -> move.jobId().equals(poison.jobId())
				&& move.to() == JobStatus.FAILED && move.problem().contains("11 times")
				&& move.problem().contains("stockcast.jobs.max-takeovers"))));
		await().atMost(DEADLINE).untilAsserted(() -> verify(this.store).complete(eq(survivor), any()));
		verify(this.store, never()).complete(eq(poison), any());
		verify(this.store, never()).move(argThat(move -> move.jobId().equals(survivor.jobId())));
	}

	private void start() {
		start(SETTINGS, new TaskExecutorAdapter(Runnable::run));
	}

	private void start(JobSettings settings, AsyncTaskExecutor executor) {
		this.runner = new JobRunner(this.store, null, executor, settings,
				new PoolSettings(1, 10, 100, 1000, Duration.ofSeconds(1)), new ForecastMetrics(new SimpleMeterRegistry()),
				Clock.systemUTC());
		this.runner.start();
	}

	private static JobStore.Chunk chunk(int failures) {
		return chunk(failures, 0);
	}

	private static JobStore.Chunk chunk(int failures, int takeovers) {
		Products products = Products.builder().add("A", 19_723, 10, 1, 0, 5, 1).build();
		return new JobStore.Chunk(UUID.randomUUID(), 0, 0, failures, takeovers, products, UUID.randomUUID().toString(),
				new JobScenario(Scenario.DEFAULT, ListFeatures.NONE), null);
	}

}
