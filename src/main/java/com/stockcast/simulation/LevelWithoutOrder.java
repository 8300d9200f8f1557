package com.stockcast.simulation;

/**
 * One product's end-of-day level projected without a new order, one day at a time: {@code - sales_rate},
 * {@code + restocking_rate}, {@code +} the day's scheduled receipt, {@code +} the planned order due
 * that day, in that order and under backorders whatever the sales policy (a plan covers the demand).
 * Order-up-to projects the window its order protects with it, and the exceptions the stock without
 * any planned order (docs/forecast-contract.md#planned-orders, #exceptions): one arithmetic for both,
 * so that they cannot drift apart by a bit.
 */
final class LevelWithoutOrder {

	private final OrderBook orders;

	private Products products;
	private double salesRate;
	private double restockingRate;
	private int receiptsEnd;

	private double level;
	private int day;
	/** The next scheduled receipt to add, and the next planned order to add. */
	private int receipt;
	private int order;

	/** @param orders the planned orders the projection adds as they fall due */
	LevelWithoutOrder(OrderBook orders) {
		this.orders = orders;
	}

	/** Sets the product the next projections are of. */
	void of(Products products, int i) {
		this.products = products;
		this.salesRate = products.salesRate(i);
		this.restockingRate = products.restockingRate(i);
		this.receiptsEnd = products.receiptsEnd(i);
	}

	/**
	 * Starts from {@code level} at the end of {@code day} ({@code -1} for the initial inventory), with
	 * scheduled receipts from {@code receipt} on and planned orders from {@code order} on still to come
	 * ({@link OrderBook#count()} for none).
	 */
	void from(int day, double level, int receipt, int order) {
		this.day = day;
		this.level = level;
		this.receipt = receipt;
		this.order = order;
	}

	/** Projects the next day; returns its end-of-day level. */
	double next() {
		int t = ++this.day;
		double p = this.level;
		p -= this.salesRate;
		p += this.restockingRate;
		int r = this.receipt;
		if (r < this.receiptsEnd && this.products.receiptDay(r) == t) {
			p += this.products.receiptUnits(r);
			this.receipt = r + 1;
		}
		int o = this.order;
		if (o < this.orders.count() && this.orders.arrivalDay(o) == t) {
			p += this.orders.units(o);
			this.order = o + 1;
		}
		this.level = p;
		return p;
	}

	/** The day {@link #next()} last projected. */
	int day() {
		return this.day;
	}

}
