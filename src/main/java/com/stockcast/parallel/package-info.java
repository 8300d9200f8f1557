/**
 * The parallel streaming engine: the bounded pool and its settings, the ordered, windowed run of an
 * answer's chunks, and admission (in-flight requests, memory budget, slow bodies) before any work
 * starts. It knows no feature.
 */
@ApplicationModule(displayName = "Parallel streaming",
		allowedDependencies = { "metrics", "output", "problem", "simulation" })
package com.stockcast.parallel;

import org.springframework.modulith.ApplicationModule;
