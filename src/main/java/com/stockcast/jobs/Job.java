package com.stockcast.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored forecast job as last read from the database.
 *
 * @param settings the request-level settings the job runs with, as JSON
 * @param scenario what its chunks simulate beyond the default forecast; {@code null} for the default
 * @param problem why it failed, as RFC 9457 JSON; {@code null} unless failed
 */
record Job(UUID id, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt, int productCount,
		long rowCount, int chunkCount, int chunksDone, int productsDone, String settings, JobScenario scenario,
		String requestHash, String problem) {

	/** What the job computes: a forecast unless its scenario names another kind. */
	JobKind kind() {
		return (this.scenario == null) ? JobKind.FORECAST : this.scenario.kind();
	}

	double percentDone() {
		return (this.productCount == 0) ? 100.0 : Math.floor(1000.0 * this.productsDone / this.productCount) / 10.0;
	}

}
