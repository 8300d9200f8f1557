package com.stockcast.output;

import java.util.Locale;

/** What an answer holds: the daily (per-period) rows, or one summary per product. */
public enum View {

	ROWS, SUMMARY;

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
