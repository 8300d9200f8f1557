/**
 * Forecasts, a feature: {@code POST /forecasts} reads a product list (and optionally a sales
 * history) through intake, streams its simulation back through the parallel runner and the output
 * encoders, or submits it as a job. It owns the request's options, their fingerprint for idempotency
 * keys and the OpenAPI schemas of its answers.
 */
@ApplicationModule(displayName = "Forecasts",
		allowedDependencies = { "history", "intake", "jobs", "metrics", "output", "parallel", "security", "simulation" })
package com.stockcast.forecast;

import org.springframework.modulith.ApplicationModule;
