package com.stockcast.simulation;

import java.util.Arrays;

/**
 * One product's simulated stock, period by period: the scratch space of the per-SKU loop. A worker
 * keeps one and reuses it for every product it simulates, so the loop allocates nothing once the
 * arrays have grown to the longest projection.
 *
 * <p>The arithmetic follows docs/forecast-contract.md#the-day to the bit: per day, {@code level - sales} then {@code + restocking}
 * in doubles; period sums are added one day at a time.
 */
public final class Trajectory {

	/** Marks "stock never ran out" in {@link #stockoutDay()}. */
	public static final int NO_STOCKOUT = -1;

	private double[] levels = new double[32];
	private double[] sales = new double[32];
	private double[] restocking = new double[32];
	private int periods;
	private int stockoutDay;
	private double minimum;
	private double ending;

	/**
	 * Simulates product {@code i}. With {@code keepPeriods} false only the summary figures are kept,
	 * which is all the summary view needs.
	 */
	public void simulate(Products products, int i, boolean keepPeriods) {
		double level = products.initialInventory(i);
		double salesRate = products.salesRate(i);
		double restockingRate = products.restockingRate(i);
		int days = products.durationDays(i);
		int frequency = products.frequency(i);
		int periodCount = products.periods(i);
		if (keepPeriods && periodCount > this.levels.length) {
			int n = Math.max(periodCount, this.levels.length * 2);
			this.levels = Arrays.copyOf(this.levels, n);
			this.sales = Arrays.copyOf(this.sales, n);
			this.restocking = Arrays.copyOf(this.restocking, n);
		}
		int stockout = NO_STOCKOUT;
		double min = Double.POSITIVE_INFINITY;
		int day = 0;
		for (int k = 0; k < periodCount; k++) {
			int end = Math.min(day + frequency, days);
			double periodSales = 0;
			double periodRestocking = 0;
			for (; day < end; day++) {
				level -= salesRate;
				level += restockingRate;
				periodSales += salesRate;
				periodRestocking += restockingRate;
				if (level <= 0 && stockout == NO_STOCKOUT) {
					stockout = day;
				}
				if (level < min) {
					min = level;
				}
			}
			if (keepPeriods) {
				this.levels[k] = level;
				this.sales[k] = periodSales;
				this.restocking[k] = periodRestocking;
			}
		}
		this.periods = keepPeriods ? periodCount : 0;
		this.stockoutDay = stockout;
		this.minimum = min;
		this.ending = level;
	}

	/** Periods kept by the last {@link #simulate} with {@code keepPeriods}; 0 otherwise. */
	public int periods() {
		return this.periods;
	}

	/** Stock at the end of period {@code k}'s last day. */
	public double level(int k) {
		return this.levels[k];
	}

	public double sales(int k) {
		return this.sales[k];
	}

	public double restocking(int k) {
		return this.restocking[k];
	}

	/** Offset from the start date of the first day ending at or below zero, or {@link #NO_STOCKOUT}. */
	public int stockoutDay() {
		return this.stockoutDay;
	}

	public double minimumLevel() {
		return this.minimum;
	}

	public double endingLevel() {
		return this.ending;
	}

}
