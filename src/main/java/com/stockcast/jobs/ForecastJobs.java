package com.stockcast.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.stockcast.intake.SalesHistory;
import com.stockcast.output.ListFeatures;
import com.stockcast.parallel.PoolSettings;
import com.stockcast.problem.ProblemException;
import com.stockcast.security.Client;
import com.stockcast.simulation.Products;
import com.stockcast.simulation.Scenario;

/**
 * Accepts forecasts as jobs: stores the validated input, cut into chunks, before answering, and
 * honours idempotency keys (the same key with the same body is the same job).
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
	 * Stores a job for {@code products}, owned by {@code owner}; it is durable when this returns.
	 * @param defaults the request-level column defaults it was asked with, kept as its settings
	 * @param scenario what to simulate: the sales policy and, for a probabilistic forecast, its trials
	 * @param idempotencyKey the caller's key, or {@code null}
	 * @param requestHash a digest of the request, compared when the key was seen before
	 * @throws ProblemException 422 when the key was used for a different request; 429 when the client
	 * already has {@code stockcast.jobs.max-active-per-client} jobs queued or running
	 */
	public Submission submit(Client owner, Products products, Map<String, String> defaults, Scenario scenario,
			String idempotencyKey, String requestHash) {
		if (idempotencyKey != null) {
			Optional<Job> earlier = this.store.findByIdempotencyKey(owner, idempotencyKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), requestHash);
			}
		}
		this.cap.check(owner);
		JobScenario stored = new JobScenario(scenario, ListFeatures.of(products));
		int[] bounds = chunkBounds(products.size(), products::periods);
		Job job;
		try {
			job = this.store.create(owner, products, bounds, products.periods(0, products.size()),
					settings(defaults, stored), stored, idempotencyKey, requestHash);
		}
		catch (DuplicateKeyException raced) {
			return replay(this.store.findByIdempotencyKey(owner, idempotencyKey).orElseThrow(() -> raced), requestHash);
		}
		this.runner.wake();
		return new Submission(JobView.of(job), false);
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

	/** Chunk boundaries, cut as the synchronous path cuts them: the unit of work, retry and progress. */
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
		if (prefer == null) {
			return false;
		}
		for (String preference : prefer.split(",")) {
			String token = preference.split("[;=]", 2)[0].strip();
			if (token.equalsIgnoreCase("respond-async")) {
				return true;
			}
		}
		return false;
	}

}
