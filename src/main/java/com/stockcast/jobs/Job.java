package com.stockcast.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored job as last read from the database. It moves itself along the edges of its life
 * ({@link JobStatus}) and refuses any other move; the store persists a move.
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

	/**
	 * Cancels this queued or running job.
	 * @throws IllegalStateException when it has finished
	 */
	Move cancel() {
		return moveTo(JobStatus.CANCELLED, null);
	}

	/**
	 * The move of this job to {@code to}.
	 * @param problem why it failed, as RFC 9457 JSON, for a move to failed; else {@code null}
	 * @throws IllegalStateException when this job's status may not move to {@code to}
	 */
	Move moveTo(JobStatus to, String problem) {
		return new Move(this.id, this.status, to, problem);
	}

	double percentDone() {
		return (this.productCount == 0) ? 100.0 : Math.floor(1000.0 * this.productsDone / this.productCount) / 10.0;
	}

	/**
	 * A job's move from one status to the next, checked against the job's life when it is made. The
	 * store persists it with one conditional update that matches only while the stored job is in a
	 * status that may move to {@code to}: another replica may have moved the job since it was read
	 * (claimed it, cancelled it), and of two moves that race, only a legal one is stored.
	 *
	 * @param from the status the job was in as its mover knew it
	 */
	record Move(UUID jobId, JobStatus from, JobStatus to, String problem) {

		Move {
			if (!to.predecessors().contains(from)) {
				throw new IllegalStateException("A " + from.text() + " job cannot become " + to.text());
			}
			if ((problem != null) != (to == JobStatus.FAILED)) {
				throw new IllegalArgumentException("A job that fails, and only one, has a problem: " + problem);
			}
		}

	}

}
