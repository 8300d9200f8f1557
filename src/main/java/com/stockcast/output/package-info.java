/**
 * The output engine: every answer's formats (CSV, JSON, NDJSON), their tables and encoders, numbers
 * and dates written without allocation, and portfolio totals. It knows no feature.
 */
@ApplicationModule(displayName = "Output", allowedDependencies = "simulation")
package com.stockcast.output;

import org.springframework.modulith.ApplicationModule;
