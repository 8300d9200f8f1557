package com.stockcast.simulation;

import java.util.Arrays;

/**
 * A validated product list held column by column, so that the per-SKU loop reads primitives and a
 * million products cost a few arrays rather than a million objects. Immutable once built.
 */
public final class Products {

	private final String[] ids;
	private final int[] startDays;
	private final double[] initialInventory;
	private final double[] salesRates;
	private final double[] restockingRates;
	private final int[] durations;
	private final int[] frequencies;
	private final double[] salesStds;
	private final double[] reorderPoints;
	private final double[] orderQuantities;
	private final int[] leadTimes;
	private final int size;

	private Products(Builder b) {
		this.size = b.size;
		this.ids = Arrays.copyOf(b.ids, b.size);
		this.startDays = Arrays.copyOf(b.startDays, b.size);
		this.initialInventory = Arrays.copyOf(b.initialInventory, b.size);
		this.salesRates = Arrays.copyOf(b.salesRates, b.size);
		this.restockingRates = Arrays.copyOf(b.restockingRates, b.size);
		this.durations = Arrays.copyOf(b.durations, b.size);
		this.frequencies = Arrays.copyOf(b.frequencies, b.size);
		this.salesStds = Arrays.copyOf(b.salesStds, b.size);
		this.reorderPoints = Arrays.copyOf(b.reorderPoints, b.size);
		this.orderQuantities = Arrays.copyOf(b.orderQuantities, b.size);
		this.leadTimes = Arrays.copyOf(b.leadTimes, b.size);
	}

	public static Builder builder() {
		return new Builder();
	}

	public int size() {
		return this.size;
	}

	public String id(int i) {
		return this.ids[i];
	}

	/** Day zero of the projection, as days since 1970-01-01. */
	public int startDay(int i) {
		return this.startDays[i];
	}

	public double initialInventory(int i) {
		return this.initialInventory[i];
	}

	public double salesRate(int i) {
		return this.salesRates[i];
	}

	public double restockingRate(int i) {
		return this.restockingRates[i];
	}

	public int durationDays(int i) {
		return this.durations[i];
	}

	public int frequency(int i) {
		return this.frequencies[i];
	}

	/** Standard deviation of a day's demand, for the probabilistic forecast; 0 when not given. */
	public double salesStd(int i) {
		return this.salesStds[i];
	}

	/** Whether product {@code i} is restocked by orders: a reorder point, order quantity and lead time. */
	public boolean hasReorderPolicy(int i) {
		return this.leadTimes[i] >= 0;
	}

	/** The inventory position at or below which an order is placed; NaN without a reorder policy. */
	public double reorderPoint(int i) {
		return this.reorderPoints[i];
	}

	/** Units in one order (greater than 0); NaN without a reorder policy. */
	public double orderQuantity(int i) {
		return this.orderQuantities[i];
	}

	/** Days from placing an order to receiving it (0 or more); -1 without a reorder policy. */
	public int leadTimeDays(int i) {
		return this.leadTimes[i];
	}

	/** Whether some product has a reorder policy (an answer then carries the order columns). */
	public boolean anyReorderPolicy() {
		for (int i = 0; i < this.size; i++) {
			if (this.leadTimes[i] >= 0) {
				return true;
			}
		}
		return false;
	}

	/** Output rows of product {@code i}: one per period of {@code frequency} days. */
	public int periods(int i) {
		return (this.durations[i] - 1) / this.frequencies[i] + 1;
	}

	/** Days projected for products {@code from..to-1}: the sum of their durations. */
	public long days(int from, int to) {
		long days = 0;
		for (int i = from; i < to; i++) {
			days += this.durations[i];
		}
		return days;
	}

	/** Output rows of products {@code from..to-1}: the sum of their {@link #periods(int)}. */
	public long periods(int from, int to) {
		long rows = 0;
		for (int i = from; i < to; i++) {
			rows += periods(i);
		}
		return rows;
	}

	public static final class Builder {

		private String[] ids = new String[64];
		private int[] startDays = new int[64];
		private double[] initialInventory = new double[64];
		private double[] salesRates = new double[64];
		private double[] restockingRates = new double[64];
		private int[] durations = new int[64];
		private int[] frequencies = new int[64];
		private double[] salesStds = new double[64];
		private double[] reorderPoints = new double[64];
		private double[] orderQuantities = new double[64];
		private int[] leadTimes = new int[64];
		private int size;

		private Builder() {
		}

		public Builder add(String id, int startDay, double initialInventory, double salesRate, double restockingRate,
				int durationDays, int frequency) {
			if (this.size == this.ids.length) {
				grow();
			}
			int i = this.size++;
			this.ids[i] = id;
			this.startDays[i] = startDay;
			this.initialInventory[i] = initialInventory;
			this.salesRates[i] = salesRate;
			this.restockingRates[i] = restockingRate;
			this.durations[i] = durationDays;
			this.frequencies[i] = frequency;
			this.salesStds[i] = 0;
			this.reorderPoints[i] = Double.NaN;
			this.orderQuantities[i] = Double.NaN;
			this.leadTimes[i] = -1;
			return this;
		}

		/** Sets the demand's standard deviation of the product added last. */
		public Builder salesStd(double salesStd) {
			this.salesStds[this.size - 1] = salesStd;
			return this;
		}

		/** Gives the product added last a reorder policy in place of (or on top of) its restocking rate. */
		public Builder reorderPolicy(double reorderPoint, double orderQuantity, int leadTimeDays) {
			int i = this.size - 1;
			this.reorderPoints[i] = reorderPoint;
			this.orderQuantities[i] = orderQuantity;
			this.leadTimes[i] = leadTimeDays;
			return this;
		}

		public int size() {
			return this.size;
		}

		private void grow() {
			int n = this.ids.length * 2;
			this.ids = Arrays.copyOf(this.ids, n);
			this.startDays = Arrays.copyOf(this.startDays, n);
			this.initialInventory = Arrays.copyOf(this.initialInventory, n);
			this.salesRates = Arrays.copyOf(this.salesRates, n);
			this.restockingRates = Arrays.copyOf(this.restockingRates, n);
			this.durations = Arrays.copyOf(this.durations, n);
			this.frequencies = Arrays.copyOf(this.frequencies, n);
			this.salesStds = Arrays.copyOf(this.salesStds, n);
			this.reorderPoints = Arrays.copyOf(this.reorderPoints, n);
			this.orderQuantities = Arrays.copyOf(this.orderQuantities, n);
			this.leadTimes = Arrays.copyOf(this.leadTimes, n);
		}

		public Products build() {
			return new Products(this);
		}

	}

}
