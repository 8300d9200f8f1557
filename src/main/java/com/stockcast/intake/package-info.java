/**
 * The intake engine: request bodies (raw, gzip, multipart) read within limits into validated product
 * lists and sales histories ({@link com.stockcast.intake.SalesHistory}), with one set of rules for
 * CSV and JSON and every violation reported with its line, column and value. It knows no feature.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = { "parallel", "problem", "simulation" })
package com.stockcast.intake;

import org.springframework.modulith.ApplicationModule;
