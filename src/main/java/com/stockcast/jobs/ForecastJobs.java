package com.stockcast.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.stockcast.intake.ProductChunks;
import com.stockcast.intake.SalesHistory;
import com.stockcast.output.ListFeatures;
import com.stockcast.parallel.PoolSettings;
import com.stockcast.parallel.Preferences;
import com.stockcast.problem.ProblemException;
import com.stockcast.security.Client;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * Accepts forecasts as jobs: stores the validated input, cut into chunks as it streams in, before
 * answering, and honours idempotency keys (the same key with the same body is the same job).
 */
@Component
public class ForecastJobs {

	private final JobStore store;

	private final JobRunner runner;

	private final PoolSettings pool;

	private final JsonMapper json;

	private final ActiveJobsCap cap;

	ForecastJobs(JobStore store, JobRunner runner, PoolSettings pool, JsonMapper json, ActiveJobsCap cap) {
		this.store = store;
		this.runner = runner;
		this.pool = pool;
		this.json = json;
		this.cap = cap;
	}

	/** A submission's outcome: the job, and whether it already existed under the idempotency key. */
	public record Submission(JobView job, boolean replayed) {
	}

	/**
	 * Begins a forecast job of {@code owner} whose input streams in: hand the upload the product list's
	 * chunks as they are read and validated, then {@link Upload#publish} it; closing it unpublished
	 * removes whatever it stored. The caller's idempotency key is looked up first: when it names an
	 * earlier job, the upload stores nothing and publishing answers that job (or 422).
	 * @param scenario what to simulate: the sales policy and, for a probabilistic forecast, its trials
	 * @param storeRows whether the job keeps its daily rows ({@code store_rows})
	 * @param idempotencyKey the caller's key, or {@code null}
	 * @throws ProblemException 429 when the client already has {@code stockcast.jobs.max-active-per-client}
	 * jobs queued or running (checked again when it is published)
	 */
	public Upload upload(Client owner, Scenario scenario, boolean storeRows, String idempotencyKey) {
		Job earlier = (idempotencyKey == null) ? null
				: this.store.findByIdempotencyKey(owner, idempotencyKey).orElse(null);
		if (earlier == null) {
			this.cap.check(owner);
		}
		return new Upload(owner, scenario, storeRows, idempotencyKey, earlier);
	}

	/**
	 * A forecast job's input as it streams in, stored chunk by chunk under a staging job that no one
	 * sees ({@link JobStore#STAGING}) and published whole in one update. It holds at most
	 * {@link #BATCH_CHUNKS} encoded chunks before they are written, so its memory is bounded whatever the
	 * input's size. Not thread-safe: one request's thread fills it.
	 */
	public final class Upload implements ProductChunks, AutoCloseable {

		/** Chunks written to the database in one transaction: few round trips, a few MB held at most. */
		static final int BATCH_CHUNKS = 16;

		private final Client owner;

		private final Scenario scenario;

		private final boolean storeRows;

		private final String idempotencyKey;

		/** The job the idempotency key already names: then nothing is stored. */
		private final Job earlier;

		private final List<Object[]> batch = new ArrayList<>(BATCH_CHUNKS);

		private UUID staged;

		private int chunks;

		private int size;

		private long rows;

		private long days;

		private boolean orders;

		private boolean targets;

		private boolean receipts;

		private boolean published;

		private Upload(Client owner, Scenario scenario, boolean storeRows, String idempotencyKey, Job earlier) {
			this.owner = owner;
			this.scenario = scenario;
			this.storeRows = storeRows;
			this.idempotencyKey = idempotencyKey;
			this.earlier = earlier;
		}

		@Override
		public boolean full(int products, long rows) {
			return ForecastJobs.this.pool.chunkFull(products, rows);
		}

		@Override
		public void accept(Products products, int from, int to) {
			this.size += to - from;
			this.rows += products.periods(from, to);
			this.days += products.days(from, to);
			ListFeatures features = ListFeatures.of(products);
			this.receipts |= features.receipts();
			this.orders |= features.orders();
			this.targets |= features.targets();
			int chunkNo = this.chunks++;
			if (this.earlier != null) {
				return;
			}
			if (this.staged == null) {
				this.staged = ForecastJobs.this.store.stage(this.owner, new JobScenario(this.scenario, ListFeatures.NONE, this.storeRows));
			}
			this.batch.add(new Object[] { this.staged, chunkNo, this.size - (to - from), to - from,
					ChunkCodec.encode(products, from, to) });
			if (this.batch.size() == BATCH_CHUNKS) {
				flush();
			}
		}

		/** Product-days of the products taken so far: what a probabilistic forecast's work is weighed by. */
		public long days() {
			return this.days;
		}

		/** Encoded chunks held, not yet written: never more than {@link #BATCH_CHUNKS}. */
		int held() {
			return this.batch.size();
		}

		/**
		 * Makes the job of every chunk taken a queued job, in one update; it is durable when this returns.
		 * @param defaults the request-level column defaults it was asked with, kept as its settings
		 * @param requestHash a digest of the request, compared when the key was seen before
		 * @throws ProblemException 422 when the key was used for a different request; 429 when the client
		 * meanwhile has its most jobs queued or running
		 */
		public Submission publish(Map<String, String> defaults, String requestHash) {
			if (this.earlier != null) {
				return replay(this.earlier, requestHash);
			}
			ForecastJobs.this.cap.check(this.owner);
			flush();
			JobScenario stored = new JobScenario(this.scenario, new ListFeatures(this.orders, this.receipts, this.targets),
					this.storeRows);
			Job job;
			try {
				job = ForecastJobs.this.store.publish(this.owner, this.staged, this.size, this.chunks, this.rows,
						settings(defaults, stored), stored, this.idempotencyKey, requestHash);
			}
			catch (DuplicateKeyException raced) {
				close();
				return replay(ForecastJobs.this.store.findByIdempotencyKey(this.owner, this.idempotencyKey)
					.orElseThrow(() -> raced), requestHash);
			}
			this.published = true;
			ForecastJobs.this.runner.wake();
			return new Submission(JobView.of(job), false);
		}

		private void flush() {
			if (!this.batch.isEmpty()) {
				ForecastJobs.this.store.stageChunks(this.staged, this.batch);
				this.batch.clear();
			}
		}

		/** Removes what an upload that was not published stored: a bad row was found, or the body broke off. */
		@Override
		public void close() {
			this.batch.clear();
			if (!this.published && this.staged != null) {
				ForecastJobs.this.store.discard(this.staged);
				this.staged = null;
			}
		}

	}

	/**
	 * Stores a sales statistics job for {@code history}, owned by {@code owner}; it is durable when this
	 * returns. Its chunks hold SKUs' histories, cut like a forecast's products.
	 * @throws ProblemException 429 when the client already has its most jobs queued or running
	 */
	public Submission submitStatistics(Client owner, SalesHistory history, int trendDays) {
		this.cap.check(owner);
		JobScenario stored = JobScenario.statistics(trendDays);
		int[] cut = chunkBounds(history.size(), history::days);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("scenario", stored.describe());
		settings.put("chunk_size", this.pool.chunkSize());
		settings.put("chunk_max_rows", this.pool.chunkMaxRows());
		Job job = this.store.create(owner, history.size(), cut, c -> HistoryCodec.encode(history, cut[c], cut[c + 1]),
				history.size(), this.json.writeValueAsString(settings), stored, null, null);
		this.runner.wake();
		return new Submission(JobView.of(job), false);
	}

	private Submission replay(Job earlier, String requestHash) {
		if (!Objects.equals(earlier.requestHash(), requestHash)) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"The idempotency key was used for a different request",
					"Idempotency-Key was first used for job " + earlier.id() + " with a different body or parameters; "
							+ "use a new key for a new request.");
		}
		return new Submission(JobView.of(earlier), true);
	}

	/** Where a job's chunks start, and its size last: cut as an answer's are ({@link PoolSettings#chunkEnd}). */
	private int[] chunkBounds(int size, java.util.function.IntToLongFunction rowsOfItem) {
		int[] bounds = new int[size + 1];
		int count = 0;
		for (int from = 0; from < size; from = this.pool.chunkEnd(size, from, rowsOfItem)) {
			bounds[count++] = from;
		}
		bounds[count++] = size;
		return java.util.Arrays.copyOf(bounds, count);
	}

	private String settings(Map<String, String> defaults, JobScenario scenario) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("defaults", defaults);
		settings.put("scenario", scenario.describe());
		settings.put("chunk_size", this.pool.chunkSize());
		settings.put("chunk_max_rows", this.pool.chunkMaxRows());
		return this.json.writeValueAsString(settings);
	}


	/** Whether a {@code Prefer} header asks for {@code respond-async} (RFC 7240). */
	public static boolean prefersAsync(String prefer) {
		return Preferences.respondAsync(prefer);
	}

}
