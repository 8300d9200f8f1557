package com.stockcast.simulation;

/**
 * One product's end-of-day level projected without a new order, one day at a time: {@code -} the day's
 * demand ({@link Products#dayDemand}: {@code sales_rate}, times the weekday profile's multiplier when given),
 * {@code + restocking_rate}, {@code +} the day's scheduled receipt, {@code +} the planned order due
 * that day, in that order and under backorders whatever the sales policy (a plan covers the demand).
 * Order-up-to projects the window its order protects with it, and the exceptions the stock without
 * any planned order (docs/forecast-contract.md#planned-orders, #exceptions): one arithmetic for both,
 * so that they cannot drift apart by a bit.
 */
final class LevelWithoutOrder {

	private final OrderBook orders;

	private Products products;
	private int product;
	private double salesRate;
	private boolean profiled;
	private double restockingRate;
	private int receiptsEnd;

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
		this.product = i;
		this.salesRate = products.salesRate(i);
		this.profiled = products.hasProfiles();
		this.restockingRate = products.restockingRate(i);
		this.receiptsEnd = products.receiptsEnd(i);
	}

	/**
	 * Starts a projection with scheduled receipts from {@code receipt} on and planned orders from
	 * {@code order} on still to come ({@link OrderBook#count()} for none).
	 */
	void from(int receipt, int order) {
		this.receipt = receipt;
		this.order = order;
	}

	/**
	 * Projects day {@code day} from {@code level}, the end of the day before; returns its end-of-day
	 * level. Called for consecutive days. The level goes in and out as a value, not a field: it is the
	 * one figure that changes every day, and a field would put a store and a load on its chain of
	 * additions (the summary of 50,000 SKUs x 365 days with order policies measured a tenth slower so).
	 */
	double next(int day, double level) {
		double p = level;
		// Without profiles the day's demand is sales_rate itself; the flag keeps the default off the call.
		p -= this.profiled ? this.products.dayDemand(this.product, day) : this.salesRate;
		p += this.restockingRate;
		int r = this.receipt;
		if (r < this.receiptsEnd && this.products.receiptDay(r) == day) {
			p += this.products.receiptUnits(r);
			this.receipt = r + 1;
		}
		int o = this.order;
		if (o < this.orders.count() && this.orders.arrivalDay(o) == day) {
			p += this.orders.units(o);
			this.order = o + 1;
		}
		return p;
	}

}
