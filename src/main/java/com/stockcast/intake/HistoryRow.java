package com.stockcast.intake;

/**
 * One sales history record as CSV and JSON readers hand it over, reused from record to record. A
 * date or a number in its plain form is parsed at once from the reader's characters; other text is
 * kept for {@link HistoryRules} to parse or report. A product id accepted before is looked up from
 * the characters ({@link IdIndex}), so a history makes one string per product, not per row.
 */
final class HistoryRow extends InputRecord {

	static final long NO_DAY = Long.MIN_VALUE;

	private final IdIndex known;

	private String id;

	/** The SKU of {@link #id} when it was accepted before; -1 for an id not seen yet. */
	private int sku;

	private long day;

	private String dateText;

	private double units;

	private String unitsText;

	HistoryRow(IdIndex known) {
		this.known = known;
	}

	@Override
	void set(int column, char[] text, int offset, int length) {
		switch (HistoryColumn.ALL[column]) {
			case PRODUCT_ID -> {
				int slot = this.known.find(text, offset, length);
				this.sku = (slot < 0) ? -1 : this.known.sku(slot);
				this.id = (slot < 0) ? new String(text, offset, length) : this.known.id(slot);
			}
			case DATE -> {
				long day = Dates.parse(text, offset, length);
				if (day == Dates.MALFORMED || day == Dates.IMPOSSIBLE) {
					this.dateText = new String(text, offset, length);
				}
				else {
					this.day = day;
				}
			}
			case UNITS -> {
				double units = Numbers.plainDecimal(text, offset, length);
				if (Double.isNaN(units)) {
					this.unitsText = new String(text, offset, length);
				}
				else {
					this.units = units;
				}
			}
		}
	}

	@Override
	void setNull(int column) {
		switch (HistoryColumn.ALL[column]) {
			case PRODUCT_ID -> {
				this.id = null;
				this.sku = -1;
			}
			case DATE -> this.dateText = null;
			case UNITS -> this.unitsText = null;
		}
	}

	String id() {
		return this.id;
	}

	/** The SKU of an id accepted before (so already checked), or -1. */
	int sku() {
		return this.sku;
	}

	/** The epoch day when the date came in its plain form; {@link #NO_DAY} otherwise. */
	long day() {
		return this.day;
	}

	String dateText() {
		return this.dateText;
	}

	/** The units when they came as a plain decimal; NaN otherwise. */
	double units() {
		return this.units;
	}

	String unitsText() {
		return this.unitsText;
	}

	@Override
	void clear() {
		this.id = null;
		this.sku = -1;
		this.day = NO_DAY;
		this.dateText = null;
		this.units = Double.NaN;
		this.unitsText = null;
	}

}
