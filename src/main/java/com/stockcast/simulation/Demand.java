package com.stockcast.simulation;

import java.util.Locale;

/** How a day's demand is drawn in the probabilistic forecast. */
public enum Demand {

	/** Every day sells exactly {@code sales_rate}: the deterministic forecast. */
	CONSTANT,

	/** Normal with mean {@code sales_rate} and deviation {@code sales_std}; a negative draw sells 0. */
	NORMAL,

	/** Poisson with mean {@code sales_rate}: whole units, for slow and steady sellers. */
	POISSON,

	/**
	 * Negative binomial with mean {@code sales_rate} and deviation {@code sales_std}: whole units, more
	 * dispersed than the Poisson ({@code sales_std² > sales_rate}; equal, it is the Poisson itself).
	 */
	NEGATIVE_BINOMIAL;

	public String tag() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Whether a product of mean {@code salesRate} and deviation {@code salesStd} can take this demand: only
	 * the negative binomial asks anything, a variance of at least the mean (the Poisson's, its limit).
	 * The intake refuses the rows that fail and {@link MonteCarlo} draws by the same comparison.
	 */
	public boolean admits(double salesRate, double salesStd) {
		return this != NEGATIVE_BINOMIAL || salesStd * salesStd >= salesRate;
	}

	/** Parses a {@code demand} parameter; {@code null} when the text names no model. */
	public static Demand parse(String text) {
		for (Demand demand : values()) {
			if (demand.tag().equalsIgnoreCase(text.strip())) {
				return demand;
			}
		}
		return null;
	}

}
