package com.stockcast.intake;

import java.math.BigDecimal;
import java.util.Locale;

import com.stockcast.intake.Violation.Location;

/**
 * The input rules of a sales history, alike for CSV rows and JSON objects: a product id as in a
 * product list, a date as in a product list, units a number from 0 to 10^15, and one row per
 * product and day. Good rows go to the {@link SalesHistory.Builder}; every bad value is logged.
 * One instance reads one input.
 */
final class HistoryRules {

	static final String INVALID_TITLE = "The sales history has invalid values";

	/**
	 * Most units one row may give: past 2^53 whole units are no longer exact doubles, and the bound
	 * keeps every sum and square of a history far from overflowing.
	 */
	static final double MAX_UNITS = 1e15;

	private final SalesHistory.Builder history = SalesHistory.builder();

	private final ViolationLog log;

	private final Places places = new Places();

	private final IdIndex known = new IdIndex();

	HistoryRules(ViolationLog log) {
		this.log = log;
	}

	/** A record to fill and {@link #apply}, again and again. */
	HistoryRow newRow() {
		return new HistoryRow(this.known);
	}

	/** Validates one record and adds it to the history when every value is good. */
	void apply(HistoryRow row) {
		int errorsBefore = this.log.count();
		String id = row.id();
		int sku = row.sku();
		if (sku < 0) {
			checkId(row, id, this.log);
		}
		long day = day(row, this.log);
		double units = units(row, false, this.log);
		if (this.log.count() > errorsBefore) {
			this.log.rowFailed();
			return;
		}
		if (sku < 0) {
			sku = this.history.sku(id);
			this.known.add(id, sku);
		}
		this.places.added(this.history.rows(), row.place(), row.onLine());
		this.history.add(sku, (int) day, units);
	}

	/** The history read, or the problem answer naming every bad value and every day given twice. */
	SalesHistory build() {
		SalesHistory built = this.history.build((sku, day, firstRow, repeatRow) -> {
			Location first = this.places.at(firstRow);
			String where = (first.line() != null) ? "line " + first.line() : "index " + first.index();
			this.log.add(Violation.at(this.places.at(repeatRow), HistoryColumn.DATE.column(), isoDate(day),
					"repeats the date of " + where + " for product '" + this.history.id(sku)
							+ "'; send one row per product and day"));
			this.log.rowFailed();
		});
		this.log.throwIfAny(INVALID_TITLE);
		return built;
	}

	/** Checks a product id not accepted before: the rules of a product list's {@code product_id}. */
	static void checkId(HistoryRow row, String id, ViolationLog log) {
		if (id == null || id.isEmpty()) {
			log(row, HistoryColumn.PRODUCT_ID, id, "is required", log);
		}
		else if (id.length() > ProductRules.MAX_ID_LENGTH
				&& id.codePointCount(0, id.length()) > ProductRules.MAX_ID_LENGTH) {
			log(row, HistoryColumn.PRODUCT_ID, id, "must be at most " + ProductRules.MAX_ID_LENGTH + " characters",
					log);
		}
		else if (id.indexOf('\0') >= 0) {
			log(row, HistoryColumn.PRODUCT_ID, id.replace('\0', '?'), "must not contain the NUL character (U+0000)",
					log);
		}
	}

	/** The row's date as days since 1970-01-01; a bad one is logged. */
	static long day(HistoryRow row, ViolationLog log) {
		if (row.day() != HistoryRow.NO_DAY) {
			return row.day();
		}
		String text = stripped(row.dateText());
		if (text == null) {
			log(row, HistoryColumn.DATE, null, "is required", log);
			return HistoryRow.NO_DAY;
		}
		long day = Dates.parse(text);
		if (day == Dates.MALFORMED) {
			log(row, HistoryColumn.DATE, text, "must be a date like 2023-01-31, 1/31/23 or 1/31/2023", log);
		}
		else if (day == Dates.IMPOSSIBLE) {
			log(row, HistoryColumn.DATE, text, "is not a calendar date", log);
		}
		return day;
	}

	/**
	 * The row's units: a finite number from 0 (or, when {@code positive}, above 0) to
	 * {@link #MAX_UNITS}; NaN, and logged, when they are not.
	 */
	static double units(HistoryRow row, boolean positive, ViolationLog log) {
		double units = row.units();
		String text = stripped(row.unitsText());
		if (Double.isNaN(units)) {
			if (text == null) {
				log(row, HistoryColumn.UNITS, null, "is required", log);
				return Double.NaN;
			}
			if (!Numbers.isDecimal(text)) {
				String lower = text.toLowerCase(Locale.ROOT);
				boolean nonFinite = lower.contains("nan") || lower.contains("inf");
				log(row, HistoryColumn.UNITS, text, nonFinite ? "must be a finite number" : "is not a number", log);
				return Double.NaN;
			}
			units = Double.parseDouble(text);
			if (!Double.isFinite(units)) {
				log(row, HistoryColumn.UNITS, text, "must be a finite number", log);
				return Double.NaN;
			}
		}
		String given = (text != null) ? text : BigDecimal.valueOf(units).stripTrailingZeros().toPlainString();
		if (positive && units <= 0) {
			log(row, HistoryColumn.UNITS, given, "must be greater than 0", log);
			return Double.NaN;
		}
		if (units < 0) {
			log(row, HistoryColumn.UNITS, given, "must not be negative", log);
			return Double.NaN;
		}
		if (units > MAX_UNITS) {
			log(row, HistoryColumn.UNITS, given, "must be at most 1000000000000000 (10^15)", log);
			return Double.NaN;
		}
		return units + 0.0; // -0 reads as 0
	}

	private static void log(HistoryRow row, HistoryColumn column, String value, String reason, ViolationLog log) {
		log.add(Violation.at(row.at(), column.column(), value, reason));
	}

	private static String stripped(String text) {
		if (text == null) {
			return null;
		}
		String s = text.strip();
		return s.isEmpty() ? null : s;
	}

	private static String isoDate(int epochDay) {
		return java.time.LocalDate.ofEpochDay(epochDay).toString();
	}

}
