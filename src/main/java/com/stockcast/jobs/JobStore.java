package com.stockcast.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.stockcast.security.Client;
import com.stockcast.intake.SalesHistory;
import com.stockcast.simulation.Products;

/**
 * Jobs, their chunks and their results in the database. Every change of state is one conditional
 * update, so that several workers, in one process or several, can share jobs safely: a chunk is
 * claimed by whoever's update matches first, and its results are stored in the same transaction that
 * marks it done, so they are stored exactly once.
 */
@Component
class JobStore {

	private static final String JOB_COLUMNS = "id, status, created_at, started_at, finished_at, product_count, "
			+ "row_count, chunk_count, chunks_done, products_done, settings, scenario, request_hash, problem";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final StoredResults results;

	private final Clock clock;

	private final JobDatabase database;

	private final RowMapper<Job> jobs;

	/**
	 * Chunks found claimable by the last search, oldest job's first, not tried yet. The search sorts
	 * every waiting chunk of the queue (about 30 ms with 48,000 waiting), so it is made once for
	 * {@link #CLAIM_SEARCH} claims, not once a claim; each is still claimed only if it is still claimable.
	 */
	private final Deque<Object[]> candidates = new ArrayDeque<>();

	/** Chunks one search finds at most. */
	private static final int CLAIM_SEARCH = 64;

	JobStore(JdbcTemplate jdbc, TransactionTemplate tx, StoredResults results, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.results = results;
		this.clock = clock;
		this.database = JobDatabase.of(jdbc.getDataSource());
		this.jobs = (rs, n) -> new Job(uuid(rs, "id"), JobStatus.parse(rs.getString("status")),
				this.database.instant(rs, "created_at"), this.database.instant(rs, "started_at"),
				this.database.instant(rs, "finished_at"), rs.getInt("product_count"), rs.getLong("row_count"),
				rs.getInt("chunk_count"), rs.getInt("chunks_done"), rs.getInt("products_done"),
				rs.getString("settings"), JobScenario.decode(rs.getString("scenario")), rs.getString("request_hash"),
				rs.getString("problem"));
	}

	/**
	 * A chunk a worker holds a lease on. {@code lease} is this claim's own token: a worker whose lease
	 * ran out and was claimed again (even by its own process) can no longer complete or release it.
	 * {@code failures} counts the earlier tries that failed where a worker saw them fail; a try cut off
	 * by a crash (its lease ran out) is not one, so restarts do not spend a job's attempts. Those are
	 * counted apart, as {@code takeovers}: the times this chunk was claimed again after its worker's
	 * lease ran out, which only a chunk that kills the process every time makes large.
	 */
	record Chunk(UUID jobId, int chunkNo, int firstProduct, int failures, int takeovers, Products products,
			String lease, JobScenario scenario, SalesHistory history) {

		/** Products (or, in a statistics job, SKUs) in the chunk. */
		int size() {
			return (this.history != null) ? this.history.size() : this.products.size();
		}

		/** Output rows the chunk makes: daily rows of a forecast, one record per SKU of statistics. */
		long rows() {
			return (this.history != null) ? this.history.size() : this.products.periods(0, this.products.size());
		}

	}

	/** Thrown inside a completion to undo it: the lease was lost or the job stopped running. */
	static final class StaleChunkException extends RuntimeException {

		StaleChunkException(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Stores a new queued job of {@code owner} with its whole input, cut at {@code bounds}, in one
	 * transaction: once this returns, the job survives a crash.
	 */
	Job create(Client owner, Products products, int[] bounds, long rowCount, String settings, JobScenario scenario,
			String idempotencyKey, String requestHash) {
		return create(owner, products.size(), bounds, c -> ChunkCodec.encode(products, bounds[c], bounds[c + 1]),
				rowCount, settings, scenario, idempotencyKey, requestHash);
	}

	/**
	 * Stores a new queued job whose chunk {@code c} holds items {@code bounds[c]..bounds[c+1]-1},
	 * stored as {@code input.apply(c)}.
	 */
	Job create(Client owner, int size, int[] bounds, IntFunction<byte[]> input, long rowCount, String settings,
			JobScenario scenario, String idempotencyKey, String requestHash) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> {
			this.jdbc.update("insert into forecast_job (id, status, created_at, product_count, row_count, chunk_count, "
					+ "chunks_done, products_done, settings, scenario, idempotency_key, request_hash, owner) "
					+ "values (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)", id, JobStatus.QUEUED.text(), time(now),
					size, rowCount, bounds.length - 1, settings,
					scenario.encode(), idempotencyKey, requestHash, owner.id());
			List<Object[]> chunks = new ArrayList<>(bounds.length - 1);
			for (int c = 0; c + 1 < bounds.length; c++) {
				chunks.add(new Object[] { id, c, bounds[c], bounds[c + 1] - bounds[c], input.apply(c) });
			}
			this.jdbc.batchUpdate("insert into forecast_chunk (job_id, chunk_no, first_product, product_count, input, "
					+ "state, attempts) values (?, ?, ?, ?, ?, 'pending', 0)", chunks);
		});
		return find(owner, id).orElseThrow();
	}

	/**
	 * A job's status while its input is still streaming in: it is no job yet. No query that lists,
	 * finds, counts or claims jobs matches it, so a job is never seen half stored; {@link #publish}
	 * makes it queued, {@link #discard} removes it with its chunks, and {@link #abandonedUploads}
	 * finds those a crashed upload left behind. Not a {@link JobStatus}: no client ever sees it.
	 */
	static final String STAGING = "staging";

	/**
	 * Starts storing a job of {@code owner} whose input streams in: a staging row, which its chunks
	 * hang on. Its {@code created_at} is when it was last heard of until it is published.
	 */
	UUID stage(Client owner, JobScenario scenario) {
		UUID id = UUID.randomUUID();
		this.jdbc.update("insert into forecast_job (id, status, created_at, product_count, row_count, chunk_count, "
				+ "chunks_done, products_done, settings, scenario, owner) values (?, ?, ?, 0, 0, 0, 0, 0, '{}', ?, ?)",
				id, STAGING, time(this.clock.instant()), scenario.encode(), owner.id());
		return id;
	}

	/**
	 * Stores chunks of a staging job ({@code job_id, chunk_no, first_product, product_count, input}
	 * each) in one transaction, which also marks the job as heard of now.
	 * @throws IllegalStateException when the job is no longer staging: it was taken for abandoned
	 */
	void stageChunks(UUID id, List<Object[]> chunks) {
		this.tx.executeWithoutResult(status -> {
			if (this.jdbc.update("update forecast_job set created_at = ? where id = ? and status = ?",
					time(this.clock.instant()), id, STAGING) == 0) {
				throw new IllegalStateException("staging job " + id + " was removed as abandoned");
			}
			this.jdbc.batchUpdate("insert into forecast_chunk (job_id, chunk_no, first_product, product_count, input, "
					+ "state, attempts) values (?, ?, ?, ?, ?, 'pending', 0)", chunks);
		});
	}

	/**
	 * Makes a staging job, its chunks all stored, a queued job, in one update: from here on it is seen,
	 * claimed and survives a crash.
	 * @throws org.springframework.dao.DuplicateKeyException when another job took the idempotency key meanwhile
	 * @throws IllegalStateException when the job is no longer staging: it was taken for abandoned
	 */
	Job publish(Client owner, UUID id, int size, int chunkCount, long rowCount, String settings, JobScenario scenario,
			String idempotencyKey, String requestHash) {
		int published = this.jdbc.update("update forecast_job set status = ?, created_at = ?, product_count = ?, "
				+ "row_count = ?, chunk_count = ?, settings = ?, scenario = ?, idempotency_key = ?, request_hash = ? "
				+ "where id = ? and status = ?", JobStatus.QUEUED.text(), time(this.clock.instant()), size, rowCount,
				chunkCount, settings, scenario.encode(), idempotencyKey, requestHash, id, STAGING);
		if (published == 0) {
			throw new IllegalStateException("staging job " + id + " was removed as abandoned");
		}
		return find(owner, id).orElseThrow();
	}

	/** Removes a staging job with the chunks stored so far, in one transaction; a published job is left alone. */
	void discard(UUID id) {
		this.tx.executeWithoutResult(status -> {
			if (this.jdbc.update("delete from forecast_job where id = ? and status = ?", id, STAGING) == 1) {
				this.jdbc.update("delete from forecast_chunk where job_id = ?", id);
			}
		});
	}

	/** Staging jobs not heard of since {@code cutoff}: their upload died with its process. */
	List<UUID> abandonedUploads(Instant cutoff) {
		return this.jdbc.query("select id from forecast_job where status = ? and created_at < ?",
				(rs, n) -> UUID.fromString(rs.getString(1)), STAGING, time(cutoff));
	}

	/** {@code owner}'s job {@code id}: another client's job is as absent as one that never was. */
	Optional<Job> find(Client owner, UUID id) {
		return this.jdbc.query("select " + JOB_COLUMNS + " from forecast_job where id = ? and owner = ? and status <> ?",
				this.jobs, id, owner.id(), STAGING).stream().findFirst();
	}

	Optional<Job> findByIdempotencyKey(Client owner, String key) {
		return this.jdbc.query("select " + JOB_COLUMNS + " from forecast_job where owner = ? and idempotency_key = ?",
				this.jobs, owner.id(), key)
			.stream()
			.findFirst();
	}

	/** How many of {@code owner}'s jobs are queued or running. */
	int countActive(Client owner) {
		Integer count = this.jdbc.queryForObject("select count(*) from forecast_job where owner = ? and status in (?, ?)",
				Integer.class, owner.id(), JobStatus.QUEUED.text(), JobStatus.RUNNING.text());
		return (count == null) ? 0 : count;
	}

	/** {@code owner}'s jobs newest first, after the keyset position {@code (beforeCreated, beforeId)} when given. */
	List<Job> list(Client owner, JobStatus status, Instant beforeCreated, UUID beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select " + JOB_COLUMNS + " from forecast_job where owner = ? and status <> ?");
		List<Object> args = new ArrayList<>();
		args.add(owner.id());
		args.add(STAGING);
		if (status != null) {
			sql.append(" and status = ?");
			args.add(status.text());
		}
		if (beforeCreated != null) {
			sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
			args.add(time(beforeCreated));
			args.add(time(beforeCreated));
			args.add(beforeId);
		}
		sql.append(" order by created_at desc, id desc limit ").append(limit);
		return this.jdbc.query(sql.toString(), this.jobs, args.toArray());
	}

	/**
	 * Claims the oldest chunk that is waiting, or whose worker's lease ran out, of a queued or running
	 * job; the job becomes running.
	 */
	synchronized Optional<Chunk> claim(Duration lease) {
		Optional<Chunk> claimed = claimFound(lease);
		if (claimed.isEmpty()) {
			// None of those found before is claimable now: search again.
			Instant now = this.clock.instant();
			this.candidates.addAll(this.jdbc.query("select c.job_id, c.chunk_no from forecast_chunk c "
					+ "join forecast_job j on j.id = c.job_id where j.status in ('queued', 'running') "
					+ "and (c.state = 'pending' or (c.state = 'running' and c.lease_until < ?)) "
					+ "order by j.created_at, c.chunk_no limit " + CLAIM_SEARCH,
					(rs, n) -> new Object[] { UUID.fromString(rs.getString(1)), rs.getInt(2) }, time(now)));
			claimed = claimFound(lease);
		}
		return claimed;
	}

	/** Claims the first chunk found by a search that is still claimable, trying them in order. */
	private Optional<Chunk> claimFound(Duration lease) {
		Instant now = this.clock.instant();
		String token = UUID.randomUUID().toString();
		while (!this.candidates.isEmpty()) {
			Object[] candidate = this.candidates.poll();
			UUID jobId = (UUID) candidate[0];
			int chunkNo = (Integer) candidate[1];
			Optional<Chunk> claimed = this.tx.execute(status -> {
				// A chunk still 'running' here is taken over: its worker's lease ran out. Its job may have
				// stopped since it was found.
				int won = this.jdbc.update("update forecast_chunk set state = 'running', lease_owner = ?, "
						+ "lease_until = ?, takeovers = takeovers + (case when state = 'running' then 1 else 0 end) "
						+ "where job_id = ? and chunk_no = ? "
						+ "and (state = 'pending' or (state = 'running' and lease_until < ?)) "
						+ "and exists (select 1 from forecast_job j where j.id = job_id and j.status in ('queued', 'running'))",
						token, time(now.plus(lease)), jobId, chunkNo, time(now));
				if (won == 0) {
					return Optional.<Chunk>empty();
				}
				this.jdbc.update("update forecast_job set status = ?, started_at = ? where id = ? and status = ?",
						JobStatus.RUNNING.text(), time(now), jobId, JobStatus.QUEUED.text());
				return this.jdbc.query("select c.first_product, c.attempts, c.takeovers, c.input, j.scenario "
						+ "from forecast_chunk c join forecast_job j on j.id = c.job_id where c.job_id = ? and c.chunk_no = ?",
						(rs, n) -> chunk(jobId, chunkNo, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBytes(4), token,
								JobScenario.decode(rs.getString(5))), jobId, chunkNo)
					.stream()
					.findFirst();
			});
			if (claimed.isPresent()) {
				return claimed;
			}
		}
		return Optional.empty();
	}

	/** A claimed chunk with its input decoded: a product list, or a statistics job's sales histories. */
	private static Chunk chunk(UUID jobId, int chunkNo, int firstProduct, int failures, int takeovers, byte[] input,
			String token, JobScenario scenario) {
		if (scenario.isStatistics()) {
			return new Chunk(jobId, chunkNo, firstProduct, failures, takeovers, null, token, scenario,
					HistoryCodec.decode(input));
		}
		return new Chunk(jobId, chunkNo, firstProduct, failures, takeovers, ChunkCodec.decode(input), token, scenario,
				null);
	}

	/** What became of a chunk's results. */
	enum Completion {

		/** Not stored: the lease was lost or the job stopped running. */
		STALE,
		/** Stored. */
		STORED,
		/** Stored, and it was the job's last chunk: the job has succeeded. */
		JOB_SUCCEEDED

	}

	/**
	 * Stores a chunk's results, computed beforehand, and marks it done, in one transaction; the job
	 * succeeds with its last chunk. Nothing is stored when the lease was lost or the job is no longer running.
	 */
	Completion complete(Chunk chunk, ChunkResults results) {
		try {
			return this.tx.execute(status -> {
				// Check the lease first, so no work is wasted on a lost one, but without locking the chunk:
				// its lease is renewed while the rows are written. It is marked done only after its rows, so
				// a crash mid-write never leaves it done without them; that update re-checks the lease.
				List<String> holder = this.jdbc.queryForList("select lease_owner from forecast_chunk where job_id = ? "
						+ "and chunk_no = ? and state = 'running'", String.class, chunk.jobId(), chunk.chunkNo());
				if (!holder.equals(List.of(chunk.lease()))) {
					throw new StaleChunkException("lease lost");
				}
				this.results.insert(chunk.jobId(), results);
				int held = this.jdbc.update("update forecast_chunk set state = 'done', lease_owner = null, "
						+ "lease_until = null where job_id = ? and chunk_no = ? and lease_owner = ? and state = 'running'",
						chunk.jobId(), chunk.chunkNo(), chunk.lease());
				if (held == 0) {
					throw new StaleChunkException("lease lost");
				}
				int running = this.jdbc.update("update forecast_job set chunks_done = chunks_done + 1, "
						+ "products_done = products_done + ? where id = ? and status = ?", chunk.size(),
						chunk.jobId(), JobStatus.RUNNING.text());
				if (running == 0) {
					throw new StaleChunkException("job no longer running");
				}
				int succeeded = this.jdbc.update("update forecast_job set status = ?, finished_at = ? where id = ? "
						+ "and status = ? and chunks_done = chunk_count", JobStatus.SUCCEEDED.text(),
						time(this.clock.instant()), chunk.jobId(), JobStatus.RUNNING.text());
				return (succeeded == 1) ? Completion.JOB_SUCCEEDED : Completion.STORED;
			});
		}
		catch (StaleChunkException ex) {
			return Completion.STALE;
		}
	}

	/**
	 * Brings the planner's statistics up to date after a job's rows arrived in bulk, where the
	 * database is PostgreSQL: without them, and with autovacuum late or off, it may sort a job's
	 * rows for every page instead of reading them in key order.
	 */
	void refreshStatistics() {
		if (this.database == JobDatabase.POSTGRESQL) {
			this.jdbc.execute("analyze forecast_output");
		}
	}

	/** Extends the leases of chunks still being worked on, so that a slow chunk is not taken over. */
	void renew(List<Chunk> chunks, Duration lease) {
		Object until = time(this.clock.instant().plus(lease));
		this.jdbc.batchUpdate("update forecast_chunk set lease_until = ? where job_id = ? and chunk_no = ? "
				+ "and lease_owner = ? and state = 'running'", chunks.stream()
					.map(c -> new Object[] { until, c.jobId(), c.chunkNo(), c.lease() })
					.toList());
	}

	/**
	 * Gives a claimed chunk back for another try.
	 * @param failed whether the try failed and counts against max-attempts: not when the chunk never ran
	 * (a full pool) or the database was away
	 */
	void release(Chunk chunk, boolean failed) {
		this.jdbc.update("update forecast_chunk set state = 'pending', lease_owner = null, lease_until = null, "
				+ "attempts = attempts + ? where job_id = ? and chunk_no = ? and lease_owner = ? and state = 'running'",
				failed ? 1 : 0, chunk.jobId(), chunk.chunkNo(), chunk.lease());
	}

	/**
	 * Stores {@code move}, in one conditional update that matches only while the stored job is in a
	 * status that may move to {@code move.to()}.
	 * @return false when the job has meanwhile moved where it may not move from, or is gone
	 */
	boolean move(Job.Move move) {
		List<String> from = move.to().predecessors().stream().map(JobStatus::text).toList();
		String placeholders = String.join(", ", from.stream().map(s -> "?").toList());
		List<Object> args = new ArrayList<>(List.of(move.to().text(), time(this.clock.instant()),
				move.problem() == null ? "" : move.problem(), move.jobId()));
		args.addAll(from);
		return this.jdbc.update("update forecast_job set status = ?, finished_at = ?, problem = nullif(?, '') "
				+ "where id = ? and status in (" + placeholders + ")", args.toArray()) == 1;
	}

	/** Deletes a job with its chunks and results. */
	boolean delete(UUID id) {
		Boolean deleted = this.tx.execute(status -> {
			this.jdbc.update("delete from forecast_output where job_id = ?", id);
			return this.jdbc.update("delete from forecast_job where id = ?", id) == 1;
		});
		return Boolean.TRUE.equals(deleted);
	}

	/**
	 * Jobs by status, and the chunks done and left in the queued and running ones, across the whole
	 * database: one grouped query over the job table, for the metrics.
	 */
	Tally tally() {
		Map<JobStatus, Long> jobs = new EnumMap<>(JobStatus.class);
		long[] chunks = new long[2];
		this.jdbc.query("select status, count(*), sum(chunks_done), sum(chunk_count) from forecast_job where status <> ? "
				+ "group by status",
				rs -> {
					JobStatus status = JobStatus.parse(rs.getString(1));
					jobs.put(status, rs.getLong(2));
					if (!status.isFinished()) {
						chunks[0] += rs.getLong(3);
						chunks[1] += rs.getLong(4) - rs.getLong(3);
					}
				}, STAGING);
		return new Tally(jobs, chunks[0], chunks[1]);
	}

	/** What {@link #tally()} counted; a status without jobs is absent from {@code jobs}. */
	record Tally(Map<JobStatus, Long> jobs, long chunksDone, long chunksLeft) {
	}

	/** Finished jobs whose results expire: finished before {@code cutoff}. */
	List<UUID> finishedBefore(Instant cutoff) {
		return this.jdbc.query("select id from forecast_job where finished_at < ? and status in (?, ?, ?)",
				(rs, n) -> UUID.fromString(rs.getString(1)), time(cutoff), JobStatus.SUCCEEDED.text(),
				JobStatus.FAILED.text(), JobStatus.CANCELLED.text());
	}

	private Object time(Instant instant) {
		return this.database.bind(instant);
	}

	/** A UUID column, read as text: both databases give its canonical form, and SQLite has no other. */
	private static UUID uuid(ResultSet rs, String column) throws SQLException {
		return UUID.fromString(rs.getString(column));
	}

}
