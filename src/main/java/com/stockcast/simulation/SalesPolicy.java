package com.stockcast.simulation;

import java.util.Locale;

/** What happens to demand the stock on hand cannot meet. */
public enum SalesPolicy {

	/** The default (docs/forecast-contract.md#the-day): every day's demand is sold, and stock may go negative (orders wait). */
	BACKORDER,

	/** A day sells at most the stock on hand; the rest of its demand is lost (unmet demand). */
	LOST_SALES;

	public String tag() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Parses a {@code policy} parameter; {@code null} when the text names no policy. */
	public static SalesPolicy parse(String text) {
		for (SalesPolicy policy : values()) {
			if (policy.tag().equalsIgnoreCase(text.strip())) {
				return policy;
			}
		}
		return null;
	}

}
