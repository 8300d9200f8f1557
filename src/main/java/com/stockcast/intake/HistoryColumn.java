package com.stockcast.intake;

import java.util.Locale;

/** The columns of a sales history, matched like product list columns (case-insensitive, blanks ignored). */
enum HistoryColumn {

	PRODUCT_ID, DATE, UNITS;

	static final HistoryColumn[] ALL = values();

	private final String column = name().toLowerCase(Locale.ROOT);

	String column() {
		return this.column;
	}

	static HistoryColumn byName(String name) {
		String key = name.strip();
		for (HistoryColumn c : ALL) {
			if (c.column.equalsIgnoreCase(key)) {
				return c;
			}
		}
		return null;
	}

}
