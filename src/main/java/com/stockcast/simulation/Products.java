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

	/** Output rows of product {@code i}: one per period of {@code frequency} days. */
	public int periods(int i) {
		return (this.durations[i] - 1) / this.frequencies[i] + 1;
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
		}

		public Products build() {
			return new Products(this);
		}

	}

}
