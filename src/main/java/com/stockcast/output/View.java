package com.stockcast.output;

import java.util.Locale;

/**
 * What an answer holds: the daily (per-period) rows, one summary per product, the portfolio's
 * totals, one row per date over all products, or the planned orders, one row per order.
 */
public enum View {

	ROWS, SUMMARY, TOTALS, ORDERS;

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
