package com.stockcast.intake;

import java.util.Arrays;
import java.util.Locale;

/**
 * The input columns (docs/forecast-contract.md#columns): the default forecast's, then the optional ones of the probabilistic forecast (the demand's
 * deviation), of the reorder policy, and of the other order policies and supplier constraints
 * (docs/forecast-contract.md#planned-orders), then the targets a policy's safety stock or reorder point
 * may be computed from (docs/forecast-contract.md#safety-stock-from-a-target). In the order rows are validated.
 */
enum Field {

	PRODUCT_ID, SELL_START_DATE, INITIAL_INVENTORY, SALES_RATE, RESTOCKING_RATE, DURATION_DAYS, FORECAST_FREQUENCY,
	SALES_STD, REORDER_POINT, ORDER_QUANTITY, LEAD_TIME_DAYS, ORDER_POLICY, REVIEW_PERIOD_DAYS, SAFETY_STOCK,
	MIN_ORDER_QUANTITY, ORDER_MULTIPLE, MAX_LEVEL, SERVICE_LEVEL, FILL_RATE, LEAD_TIME_STD_DAYS;

	static final Field[] ALL = values();

	private final String column = name().toLowerCase(Locale.ROOT);

	/** The column names by ordinal. */
	static final String[] COLUMNS = Arrays.stream(ALL).map(Field::column).toArray(String[]::new);

	String column() {
		return this.column;
	}

	/** Whether a row must give this field when no request-level default does. */
	boolean required() {
		return ordinal() <= DURATION_DAYS.ordinal();
	}

	/** Matches a header name or JSON property: case-insensitive, surrounding blanks ignored. */
	static Field byName(String name) {
		int column = InputKind.column(COLUMNS, name);
		return (column < 0) ? null : ALL[column];
	}

}
