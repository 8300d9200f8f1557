package com.stockcast.output;

import java.util.Locale;

/**
 * What an answer holds: the daily (per-period) rows, one summary per product, the portfolio's
 * totals, one row per date over all products, the planned orders, one row per order, or the
 * exceptions, one row per product that needs an order now, sorted by urgency.
 */
public enum View {

	ROWS, SUMMARY, TOTALS, ORDERS, EXCEPTIONS;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a {@code view} parameter; {@code null} when the text names no view. */
	public static View parse(String text) {
		for (View view : values()) {
			if (view.tag().equalsIgnoreCase(text.strip())) {
				return view;
			}
		}
		return null;
	}

}
