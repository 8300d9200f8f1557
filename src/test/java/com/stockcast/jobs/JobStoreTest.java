package com.stockcast.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.stockcast.output.ListFeatures;
import com.stockcast.security.Client;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job store's bookkeeping of attempts and leases on the embedded database, with a clock the test
 * moves: a try cut off by a crash (its lease simply runs out) costs no attempt, a failure does.
 */
class JobStoreTest {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Client OWNER = new Client("test-a");

	@TempDir
	Path dir;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));

	private JobStore store;

	@BeforeEach
	void open() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				"jdbc:sqlite:" + this.dir.resolve("jobs.db") + "?foreign_keys=true", true);
		Flyway.configure().dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
			.javaMigrations(new ResultBlocksMigration())
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
		this.store = new JobStore(jdbc, new TransactionTemplate(transactions), new StoredResults(jdbc, transactions),
				this.clock);
	}

	@Test
	void aChunkWhoseLeaseRanOutIsClaimedAgainWithoutCountingAnAttempt() {
		Job job = submit();
		JobStore.Chunk first = this.store.claim(LEASE).orElseThrow();
		assertThat(this.store.claim(LEASE)).as("the only chunk is leased").isEmpty();
		this.clock.advance(LEASE.plusSeconds(1)); // its worker died: nothing renews or releases it
		JobStore.Chunk again = this.store.claim(LEASE).orElseThrow();
		assertThat(again.chunkNo()).isEqualTo(first.chunkNo());
		assertThat(again.failures()).isZero();
		assertThat(first.takeovers()).isZero();
		assertThat(again.takeovers()).as("taken over once").isEqualTo(1);
		assertThat(this.store.complete(first, ChunkResults.of(first, null))).as("the lost lease stores nothing").isEqualTo(JobStore.Completion.STALE);
		assertThat(this.store.complete(again, ChunkResults.of(again, null))).isEqualTo(JobStore.Completion.JOB_SUCCEEDED);
		assertThat(this.store.find(OWNER, job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
	}

	@Test
	void countsOnlyTheTriesThatFailed() {
		submit();
		this.store.release(this.store.claim(LEASE).orElseThrow(), true);
		this.store.release(this.store.claim(LEASE).orElseThrow(), false);
		assertThat(this.store.claim(LEASE).orElseThrow().failures()).isEqualTo(1);
	}

	@Test
	void readsBackTheInstantsItWrote() {
		Job job = submit();
		this.store.claim(LEASE).orElseThrow();
		Job running = this.store.find(OWNER, job.id()).orElseThrow();
		assertThat(running.createdAt()).isEqualTo(this.clock.instant());
		assertThat(running.startedAt()).isEqualTo(this.clock.instant());
		assertThat(this.store.list(OWNER, null, running.createdAt(), running.id(), 10)).isEmpty();
		assertThat(this.store.list(OWNER, null, running.createdAt().plusNanos(1_000), running.id(), 10))
			.extracting(Job::id).containsExactly(job.id());
	}

	@Test
	void storesAMoveOnlyWhileTheStoredJobMayMakeIt() {
		Job queued = submit();
		this.store.claim(LEASE).orElseThrow(); // another worker started it since it was read
		assertThat(this.store.move(queued.cancel())).as("a running job may be cancelled").isTrue();
		Job cancelled = this.store.find(OWNER, queued.id()).orElseThrow();
		assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(cancelled.finishedAt()).isEqualTo(this.clock.instant());
		Job.Move failing = new Job.Move(queued.id(), JobStatus.RUNNING, JobStatus.FAILED, "{}");
		assertThat(this.store.move(failing)).as("its worker's failure comes too late").isFalse();
		assertThat(this.store.find(OWNER, queued.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
	}

	private Job submit() {
		Products products = Products.builder().add("A", 19_723, 10, 1, 0, 5, 1).build();
		return this.store.create(OWNER, products, new int[] { 0, 1 }, 5, "{}",
				new JobScenario(Scenario.DEFAULT, ListFeatures.NONE), null, null);
	}

	/** A clock the test moves by hand. */
	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
