package com.stockcast.simulation;

import java.util.Locale;

/** How a day's demand is drawn in the probabilistic forecast. */
public enum Demand {

	/** Every day sells exactly {@code sales_rate}: the deterministic forecast. */
	CONSTANT,

	/** Normal with mean {@code sales_rate} and deviation {@code sales_std}; a negative draw sells 0. */
	NORMAL,

	/** Poisson with mean {@code sales_rate}: whole units, for slow and steady sellers. */
	POISSON;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
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
