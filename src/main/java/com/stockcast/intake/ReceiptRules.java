package com.stockcast.intake;

import java.time.LocalDate;
import java.util.Arrays;

import com.stockcast.simulation.Products;

/**
 * The input rules of scheduled receipts (docs/forecast-contract.md#scheduled-receipts), alike for
 * CSV rows and JSON objects: a product id and a date as in a product list, units a number above 0
 * and at most 10^15. Checked in two steps, since the receipts may come before the products they
 * name: each receipt's own values as it is read ({@link #apply}), then, once the product list is
 * read and good, each receipt against its product ({@link #attachTo}): its id must name exactly one
 * product, its date fall within that product's projection. Every bad value is logged, placed in the
 * input {@value #INPUT}. One instance reads one input.
 */
final class ReceiptRules {

	/** The name of the input, as a request's violations place it and a JSON body's property names it. */
	static final String INPUT = "receipts";

	static final String INVALID_TITLE = "The scheduled receipts have invalid values";

	private final ViolationLog log;

	/** The product ids the receipts name, each once, by their ordinal. */
	private final IdIndex known = new IdIndex();

	private String[] ids = new String[16];

	private int idCount;

	private int[] idOf = new int[64];

	private int[] days = new int[64];

	private double[] units = new double[64];

	private int count;

	private final Places places = new Places();

	/** @param log the request's log, seen as this input's */
	ReceiptRules(ViolationLog log) {
		this.log = log;
	}

	/** A record to fill and {@link #apply}, again and again. */
	HistoryRow newRow() {
		return new HistoryRow(this.known);
	}

	/** Checks one receipt's own values, and keeps it when they are good. */
	void apply(HistoryRow row) {
		int errorsBefore = this.log.count();
		String id = row.id();
		int ordinal = row.sku();
		if (ordinal < 0) {
			HistoryRules.checkId(row, id, this.log);
		}
		long day = HistoryRules.day(row, this.log);
		double units = HistoryRules.units(row, true, this.log);
		if (this.log.count() > errorsBefore) {
			this.log.rowFailed();
			return;
		}
		if (ordinal < 0) {
			ordinal = newId(id);
		}
		if (this.count == this.days.length) {
			int capacity = this.count * 2;
			this.idOf = Arrays.copyOf(this.idOf, capacity);
			this.days = Arrays.copyOf(this.days, capacity);
			this.units = Arrays.copyOf(this.units, capacity);
		}
		this.places.added(this.count, row.place(), row.onLine());
		this.idOf[this.count] = ordinal;
		this.days[this.count] = (int) day;
		this.units[this.count] = units;
		this.count++;
	}

	private int newId(String id) {
		if (this.idCount == this.ids.length) {
			this.ids = Arrays.copyOf(this.ids, this.idCount * 2);
		}
		this.ids[this.idCount] = id;
		this.known.add(id, this.idCount);
		return this.idCount++;
	}

	/**
	 * The products with these receipts, each on the day of its product's projection it names; or the
	 * problem answer naming every receipt whose product is unknown or named twice in the list, or
	 * whose date falls outside its product's projection.
	 * @param products the request's product list, read and good
	 */
	Products attachTo(Products products) {
		int[] productOf = new int[this.idCount];
		Arrays.fill(productOf, NONE);
		for (int i = 0; i < products.size(); i++) {
			int slot = this.known.find(products.id(i));
			if (slot >= 0) {
				int ordinal = this.known.sku(slot);
				productOf[ordinal] = (productOf[ordinal] == NONE) ? i : TWICE;
			}
		}
		int[] product = new int[this.count];
		int[] offset = new int[this.count];
		for (int r = 0; r < this.count; r++) {
			int p = productOf[this.idOf[r]];
			if (p == NONE) {
				reject(r, HistoryColumn.PRODUCT_ID, this.ids[this.idOf[r]], "is not in the product list");
				continue;
			}
			if (p == TWICE) {
				reject(r, HistoryColumn.PRODUCT_ID, this.ids[this.idOf[r]],
						"names more than one product of the product list; a receipt must name one");
				continue;
			}
			int start = products.startDay(p);
			long last = (long) start + products.durationDays(p) - 1;
			int day = this.days[r];
			if (day < start) {
				reject(r, HistoryColumn.DATE, isoDate(day), "is before the product's sell_start_date " + isoDate(start));
			}
			else if (day > last) {
				reject(r, HistoryColumn.DATE, isoDate(day),
						"is after the last day of the product's projection, " + isoDate((int) last));
			}
			product[r] = p;
			offset[r] = day - start;
		}
		this.log.throwIfAny();
		return products.withReceipts(product, offset, this.units, this.count);
	}

	/** Receipts kept so far. */
	int count() {
		return this.count;
	}

	private static final int NONE = -1;

	private static final int TWICE = -2;

	private void reject(int receipt, HistoryColumn column, String value, String reason) {
		this.log.add(Violation.at(this.places.at(receipt), column.column(), value, reason));
		this.log.rowFailed();
	}

	private static String isoDate(int epochDay) {
		return LocalDate.ofEpochDay(epochDay).toString();
	}

}
