package com.stockcast.simulation;

import java.util.Arrays;

/**
 * The planned orders a Monte Carlo trial receives when the product's order terms are not the plain
 * reorder point (docs/forecast-contract.md#monte-carlo): the deterministic plan's orders, fixed
 * before any trial runs, so that the trials say how often that plan still runs out. Every trial
 * receives the same units on the same days, as it does the scheduled receipts.
 *
 * <p>A worker's {@link MonteCarlo} keeps one and refills it for each product: arrays that grow to the
 * longest plan rather than a record per product, so that the per-SKU loop allocates nothing.
 */
final class FixedPlan {

	private final PolicyTrajectory trajectory = new PolicyTrajectory();

	/** Arrival day, placing day and units of each order kept, days ascending. */
	private int[] arrivalDays = new int[16];

	private int[] orderDays = new int[16];

	private double[] units = new double[16];

	private int count;

	/** The next order {@link #unitsArriving} looks at. */
	private int next;

	/** The next order {@link #unitsPlaced} looks at. */
	private int nextPlaced;

	/**
	 * Plans product {@code i} as the deterministic forecast under {@code policy} would (constant demand
	 * at {@code sales_rate}) and keeps its orders that arrive by the last day; those due later are never
	 * received, in the plan as in the trials. With {@code everyOrder} it keeps every order placed: the
	 * trials draw each one's lead time (docs/forecast-contract.md#lead-times-that-vary).
	 */
	void fix(Products products, int i, SalesPolicy policy, boolean everyOrder) {
		PolicyTrajectory plan = this.trajectory;
		plan.simulate(products, i, policy, false, false);
		int days = products.durationDays(i);
		int orders = plan.orderCount();
		if (orders > this.arrivalDays.length) {
			int n = Math.max(orders, this.arrivalDays.length * 2);
			this.arrivalDays = Arrays.copyOf(this.arrivalDays, n);
			this.orderDays = Arrays.copyOf(this.orderDays, n);
			this.units = Arrays.copyOf(this.units, n);
		}
		int kept = 0;
		// Placed in day order with one lead time, so they arrive in that order: the first one late ends the plan.
		for (int j = 0; j < orders && (everyOrder || plan.orderArrivalDay(j) < days); j++) {
			this.arrivalDays[kept] = plan.orderArrivalDay(j);
			this.orderDays[kept] = plan.orderDay(j);
			this.units[kept] = plan.orderUnits(j);
			kept++;
		}
		this.count = kept;
		this.next = 0;
		this.nextPlaced = 0;
	}

	/** No orders: the product has no order policy, or the trials place their own. */
	void clear() {
		this.count = 0;
		this.next = 0;
		this.nextPlaced = 0;
	}

	/**
	 * The units of the order placed on {@code day}, 0 on a day without; asked once a day, days ascending
	 * (one order at most is placed a day).
	 */
	double unitsPlaced(int day) {
		if (this.nextPlaced < this.count && this.orderDays[this.nextPlaced] == day) {
			return this.units[this.nextPlaced++];
		}
		return 0;
	}

	/**
	 * The units arriving on {@code day}, 0 on a day without; asked once a day, days ascending (one order
	 * at most arrives a day: at most one is placed a day, all with the one lead time).
	 */
	double unitsArriving(int day) {
		if (this.next < this.count && this.arrivalDays[this.next] == day) {
			return this.units[this.next++];
		}
		return 0;
	}

	/** Orders kept by the last {@link #fix}. */
	int count() {
		return this.count;
	}

	int arrivalDay(int j) {
		return this.arrivalDays[j];
	}

	double units(int j) {
		return this.units[j];
	}

}
