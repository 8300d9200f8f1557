package com.stockcast.jobs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A job's life: queued, then running, then one of succeeded, failed or cancelled. Each status knows
 * which statuses may move to it, and the store only moves a job along these edges, atomically.
 */
enum JobStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

	/** The statuses a job may move to this one from. */
	Set<JobStatus> predecessors() {
		return switch (this) {
			case QUEUED -> EnumSet.noneOf(JobStatus.class);
			case RUNNING -> EnumSet.of(QUEUED);
			case SUCCEEDED, FAILED -> EnumSet.of(RUNNING);
			case CANCELLED -> EnumSet.of(QUEUED, RUNNING);
		};
	}

	boolean isFinished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

	/** As stored and shown: lower case. */
	public String text() {
		return name().toLowerCase(Locale.ROOT);
	}

	static JobStatus parse(String text) {
		for (JobStatus status : values()) {
			if (status.text().equalsIgnoreCase(text.strip())) {
				return status;
			}
		}
		return null;
	}

}
