/**
 * The service's own meters, a base every module may use: forecasts, statistics, chunks and jobs,
 * tagged with few values, and the outcome rules of a streamed answer. It uses no other module.
 */
@ApplicationModule(displayName = "Metrics", allowedDependencies = {})
package com.stockcast.metrics;

import org.springframework.modulith.ApplicationModule;
