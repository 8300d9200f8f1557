/**
 * The simulation engine: products held as primitive arrays, their day-by-day trajectories under a
 * sales policy, and the probabilistic forecast (demand models, samplers, reproducible random streams,
 * order statistics). It knows no feature and uses no other module.
 */
@ApplicationModule(displayName = "Simulation", allowedDependencies = {})
package com.stockcast.simulation;

import org.springframework.modulith.ApplicationModule;
