/**
 * Sales statistics, a feature: {@code POST /sales-statistics} and its jobs under
 * {@code /sales-statistics/{id}}. It owns the per-SKU statistics (and a history read as a forecast's
 * sales rates and weekday profiles), their encoder, their chunked run on the pool, and the records a statistics job
 * stores, which it hands to jobs as {@link com.stockcast.jobs.HistoryRecords}.
 */
@ApplicationModule(displayName = "Sales statistics",
		allowedDependencies = { "intake", "jobs", "metrics", "output", "parallel", "security", "simulation" })
package com.stockcast.history;

import org.springframework.modulith.ApplicationModule;
