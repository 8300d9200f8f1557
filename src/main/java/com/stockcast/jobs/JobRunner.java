package com.stockcast.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import com.stockcast.metrics.ForecastMetrics;
import com.stockcast.parallel.PoolSettings;
import com.stockcast.problem.Problems;

/**
 * Works through stored jobs: one dispatcher thread claims chunks from the database and runs each on
 * the simulation pool, at most {@code concurrency} at a time.
 * Any number of instances may run against one database; a chunk whose worker dies is claimed again
 * when its lease runs out. The same thread removes expired jobs.
 *
 * <p>On shutdown it stops claiming and waits a while for the chunks it handed out to finish; each
 * commits whole or not at all, and one cut off is claimed again after its lease.
 */
@Component
class JobRunner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final JobStore store;

	private final AsyncTaskExecutor executor;

	private final JobSettings settings;

	private final ForecastMetrics metrics;

	private final Clock clock;

	private final int concurrency;

	private final Semaphore slots;

	private final Object wakeUp = new Object();

	private final HistoryRecords historyRecords;

	private volatile boolean running;

	private Thread dispatcher;

	private Instant nextCleanup = Instant.MIN;

	private Instant nextRenewal = Instant.MIN;

	/** Chunks handed to workers and not finished: their leases are renewed until they are. */
	private final Set<JobStore.Chunk> working = ConcurrentHashMap.newKeySet();

	JobRunner(JobStore store, HistoryRecords historyRecords, @Qualifier("forecastExecutor") AsyncTaskExecutor executor,
			JobSettings settings, PoolSettings pool, ForecastMetrics metrics, Clock clock) {
		this.store = store;
		this.historyRecords = historyRecords;
		this.executor = executor;
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
		this.concurrency = (settings.concurrency() > 0) ? settings.concurrency() : pool.effectiveThreads();
		this.slots = new Semaphore(this.concurrency);
	}

	/** Tells idle workers that there is new work. */
	void wake() {
		synchronized (this.wakeUp) {
			this.wakeUp.notifyAll();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.dispatcher = new Thread(this::dispatch, "job-dispatcher");
		this.dispatcher.setDaemon(true);
		this.dispatcher.start();
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		try {
			this.dispatcher.join(5_000);
			// Running chunks finish and commit; wait for them to hand their slots back.
			if (this.slots.tryAcquire(this.concurrency, 25, TimeUnit.SECONDS)) {
				this.slots.release(this.concurrency);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void dispatch() {
		while (this.running) {
			try {
				renewLeasesWhenDue();
				cleanUpWhenDue();
				if (!this.slots.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
					continue;
				}
				boolean handedOff = false;
				try {
					Optional<JobStore.Chunk> claimed = this.running ? this.store.claim(this.settings.lease())
							: Optional.empty();
					if (claimed.isPresent()) {
						handedOff = handOff(claimed.get());
					}
					else {
						idle();
					}
				}
				finally {
					if (!handedOff) {
						this.slots.release();
					}
				}
			}
			catch (DataAccessException | CannotCreateTransactionException ex) {
				log.warn("Job storage unavailable; jobs pause until it is back: {}", ex.getMostSpecificCause().toString());
				idle();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.error("Job dispatcher failure", ex);
				idle();
			}
		}
	}

	/** Runs a claimed chunk on the pool; whether the chunk (and its slot) went to a worker. */
	private boolean handOff(JobStore.Chunk chunk) {
		if (chunk.failures() >= this.settings.maxAttempts()) {
			// Its last failure could not mark the job failed (the database was away then).
			fail(chunk, "Chunk " + chunk.chunkNo() + " failed " + chunk.failures() + " times.");
			return false;
		}
		if (chunk.takeovers() > this.settings.maxTakeovers()) {
			// Crashes do not spend attempts, so a chunk that kills the process each time is stopped here.
			fail(chunk, "Chunk " + chunk.chunkNo() + " was being computed when its worker stopped answering "
					+ chunk.takeovers() + " times (the service died or stalled); it is not tried again "
					+ "(stockcast.jobs.max-takeovers).");
			return false;
		}
		this.working.add(chunk);
		try {
			this.executor.execute(() -> process(chunk));
			return true;
		}
		catch (TaskRejectedException ex) {
			this.working.remove(chunk);
			// The pool is full of synchronous work: not this chunk's failure.
			this.store.release(chunk, false);
			idle();
			return false;
		}
	}

	private void process(JobStore.Chunk chunk) {
		long started = System.nanoTime();
		try {
			JobStore.Completion completion = this.store.complete(chunk, ChunkResults.of(chunk, this.historyRecords));
			if (completion != JobStore.Completion.STALE) {
				this.metrics.jobChunkStored(chunk.size(), chunk.rows(),
						System.nanoTime() - started);
			}
			if (completion == JobStore.Completion.JOB_SUCCEEDED) {
				quietly(this.store::refreshStatistics);
			}
		}
		catch (TransientDataAccessException | DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			// The database is away: give the chunk back without counting an attempt. If that fails too,
			// the lease runs out and the chunk is claimed again once storage is back.
			log.warn("Chunk {} of job {} not stored, storage unavailable: {}", chunk.chunkNo(), chunk.jobId(),
					ex.getMostSpecificCause().toString());
			quietly(() -> this.store.release(chunk, false));
		}
		catch (RuntimeException ex) {
			int failures = chunk.failures() + 1;
			log.error("Chunk {} of job {} failed (attempt {})", chunk.chunkNo(), chunk.jobId(), failures, ex);
			quietly(() -> {
				if (failures >= this.settings.maxAttempts()) {
					fail(chunk, "Chunk " + chunk.chunkNo() + " failed " + failures + " times.");
				}
				else {
					this.store.release(chunk, true);
				}
			});
		}
		finally {
			this.working.remove(chunk);
			this.slots.release();
			wake();
		}
	}

	private static void quietly(Runnable storageCall) {
		try {
			storageCall.run();
		}
		catch (RuntimeException ex) {
			log.warn("Could not record a chunk's outcome; its lease will run out: {}", ex.toString());
		}
	}

	private void fail(JobStore.Chunk chunk, String detail) {
		String problem = "{\"type\":\"" + Problems.type("job-failed") + "\",\"title\":\"The forecast job failed\","
				+ "\"status\":" + HttpStatus.INTERNAL_SERVER_ERROR.value() + ",\"detail\":\"" + detail + "\"}";
		// A claimed chunk's job is running, as far as its worker knows; the store checks it still is.
		this.store.move(new Job.Move(chunk.jobId(), JobStatus.RUNNING, JobStatus.FAILED, problem));
	}

	/** A third of the lease after the last renewal, extends the leases of the chunks being worked on. */
	private void renewLeasesWhenDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextRenewal)) {
			return;
		}
		this.nextRenewal = now.plus(this.settings.lease().dividedBy(3));
		List<JobStore.Chunk> chunks = List.copyOf(this.working);
		if (!chunks.isEmpty()) {
			this.store.renew(chunks, this.settings.lease());
		}
	}

	private void cleanUpWhenDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextCleanup)) {
			return;
		}
		this.nextCleanup = now.plus(this.settings.cleanupInterval());
		for (UUID id : this.store.finishedBefore(now.minus(this.settings.retention()))) {
			this.store.delete(id);
			log.info("Expired job {} removed", id);
		}
		// An upload stores a batch of chunks at least every few seconds while its body arrives; one not heard
		// of for a lease died with its process (or stalled past the least upload rate) and is never published.
		for (UUID id : this.store.abandonedUploads(now.minus(this.settings.lease()))) {
			this.store.discard(id);
			log.info("Abandoned upload {} removed with its chunks", id);
		}
	}

	private void idle() {
		synchronized (this.wakeUp) {
			try {
				this.wakeUp.wait(this.settings.pollInterval().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
