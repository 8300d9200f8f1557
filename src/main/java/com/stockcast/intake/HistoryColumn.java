package com.stockcast.intake;

import java.util.Arrays;
import java.util.Locale;

/** The columns of a sales history, matched like product list columns (case-insensitive, blanks ignored). */
enum HistoryColumn {

	PRODUCT_ID, DATE, UNITS;

	static final HistoryColumn[] ALL = values();

	private final String column = name().toLowerCase(Locale.ROOT);

	/** The column names by ordinal. */
	static final String[] COLUMNS = Arrays.stream(ALL).map(HistoryColumn::column).toArray(String[]::new);

	String column() {
		return this.column;
	}

}
