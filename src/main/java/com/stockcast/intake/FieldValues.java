package com.stockcast.intake;

import java.util.Arrays;

/**
 * One record's values by {@link Field}, as CSV and JSON readers hand them over. A value in its plain
 * form (an ISO or US date, a non-negative decimal, a whole number without sign or leading zeros) is
 * parsed at once from the reader's characters, with no string made; any other text is kept as text
 * for {@link ProductRules} to parse, default or report. Reused from record to record by one reader.
 */
final class FieldValues extends InputRecord {

	private static final int FIELDS = Field.ALL.length;

	private final String[] texts = new String[FIELDS];

	private final boolean[] parsed = new boolean[FIELDS];

	private final double[] numbers = new double[FIELDS];

	@Override
	void set(int f, char[] text, int offset, int length) {
		double value = switch (Field.ALL[f]) {
			case SELL_START_DATE -> {
				long day = Dates.parse(text, offset, length);
				yield (day == Dates.MALFORMED || day == Dates.IMPOSSIBLE) ? Double.NaN : day;
			}
			case INITIAL_INVENTORY, SALES_RATE, RESTOCKING_RATE, SALES_STD, REORDER_POINT, ORDER_QUANTITY, SAFETY_STOCK,
					MIN_ORDER_QUANTITY, ORDER_MULTIPLE, MAX_LEVEL, SERVICE_LEVEL, FILL_RATE, LEAD_TIME_STD_DAYS ->
				Numbers.plainDecimal(text, offset, length);
			case DURATION_DAYS, FORECAST_FREQUENCY, LEAD_TIME_DAYS, REVIEW_PERIOD_DAYS -> {
				int whole = Numbers.plainWhole(text, offset, length);
				yield (whole < 0) ? Double.NaN : whole;
			}
			case PRODUCT_ID, ORDER_POLICY -> Double.NaN;
		};
		if (Double.isNaN(value)) {
			this.texts[f] = new String(text, offset, length);
			this.parsed[f] = false;
		}
		else {
			this.numbers[f] = value;
			this.parsed[f] = true;
			this.texts[f] = null;
		}
	}

	@Override
	void setNull(int f) {
		this.texts[f] = null;
		this.parsed[f] = false;
	}

	/** Whether the field came in its plain form and {@link #parsedValue} holds it. */
	boolean isParsed(Field field) {
		return this.parsed[field.ordinal()];
	}

	/** The value of a parsed field: a date as its epoch day, a whole number or a decimal. */
	double parsedValue(Field field) {
		return this.numbers[field.ordinal()];
	}

	/** The text of a field not parsed: {@code null} where the record gives none. */
	String text(Field field) {
		return this.texts[field.ordinal()];
	}

	@Override
	void clear() {
		Arrays.fill(this.texts, null);
		Arrays.fill(this.parsed, false);
	}

}
