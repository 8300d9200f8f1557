/**
 * Jobs, a generic mechanism: an answer computed later, stored in chunks in a database, run by a
 * bounded dispatcher with leases that survive crashes and replicas, and read back page by page. It
 * owns the job's life (queued, running, then succeeded, failed or cancelled), the store and its
 * schema, the per-client cap, expiry and metrics, and the resources every kind of job shares
 * ({@link com.stockcast.jobs.JobResources}). It uses no feature module: each kind of job
 * ({@link com.stockcast.jobs.JobKind}) is served by the feature that submits it, which hands jobs
 * what it cannot know (a statistics job's records, {@link com.stockcast.jobs.HistoryRecords}).
 * A forecast job's chunks are simulated and stored here, through the engine packages.
 */
@ApplicationModule(displayName = "Jobs",
		allowedDependencies = { "intake", "metrics", "output", "parallel", "problem", "security", "simulation" })
package com.stockcast.jobs;

import org.springframework.modulith.ApplicationModule;
