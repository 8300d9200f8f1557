package com.stockcast.simulation;

import java.util.Arrays;

/**
 * One product's planned orders, in the order placed, and which of them are still on their way: the
 * bookkeeping of a {@link PolicyTrajectory}, reused from product to product. Orders arrive in the
 * order placed (one lead time for all), so the open ones are always {@code firstOpen() .. count()-1}.
 */
final class OrderBook {

	private int[] days = new int[32];
	private double[] units = new double[32];
	/** Lots of Q, kept for the plain reorder point only (0 otherwise). */
	private long[] lots = new long[32];
	/** The level on the arrival day just before the order is added; NaN until it arrives. */
	private double[] levelsBefore = new double[32];
	/** Why it was placed: the position, or order-up-to's least projected level and its day. */
	private double[] figures = new double[32];
	private int[] figureDays = new int[32];

	private int count;
	private int firstOpen;
	private long lotsOnOrder;
	private int leadTime;

	/** Empties the book for a product whose orders arrive {@code leadTime} days after they are placed. */
	void clear(int leadTime) {
		this.count = 0;
		this.firstOpen = 0;
		this.lotsOnOrder = 0;
		this.leadTime = leadTime;
	}

	/**
	 * Receives the first open order if it is due on {@code day}, the level being {@code level} just
	 * before: returns its units, or 0 when none is due. An order of lead time 0 was received when placed.
	 */
	double receiveDue(int day, double level) {
		int j = this.firstOpen;
		if (this.leadTime > 0 && j < this.count && this.days[j] + this.leadTime == day) {
			this.levelsBefore[j] = level;
			this.lotsOnOrder -= this.lots[j];
			this.firstOpen = j + 1;
			return this.units[j];
		}
		return 0;
	}

	/**
	 * Places an order of {@code units} (not 0) on {@code day}, the level being {@code level}; with lead
	 * time 0 it is received at once, before the level is added to.
	 */
	void place(int day, double units, long lots, double figure, int figureDay, double level) {
		int j = this.count;
		if (j == this.days.length) {
			grow(2 * j);
		}
		this.days[j] = day;
		this.units[j] = units;
		this.lots[j] = lots;
		this.levelsBefore[j] = Double.NaN;
		this.figures[j] = figure;
		this.figureDays[j] = figureDay;
		this.count = j + 1;
		if (this.leadTime == 0) {
			this.levelsBefore[j] = level;
			this.firstOpen = this.count;
		}
		else {
			this.lotsOnOrder += lots;
		}
	}

	private void grow(int n) {
		this.days = Arrays.copyOf(this.days, n);
		this.units = Arrays.copyOf(this.units, n);
		this.lots = Arrays.copyOf(this.lots, n);
		this.levelsBefore = Arrays.copyOf(this.levelsBefore, n);
		this.figures = Arrays.copyOf(this.figures, n);
		this.figureDays = Arrays.copyOf(this.figureDays, n);
	}

	/**
	 * The units of the open orders, added in the order placed: the position counts them so, except the
	 * plain reorder point's, which counts {@link #lotsOnOrder() lots}.
	 */
	double unitsOnOrder() {
		double onOrder = 0;
		for (int j = this.firstOpen; j < this.count; j++) {
			onOrder += this.units[j];
		}
		return onOrder;
	}

	/** Lots of Q placed and not yet received (the plain reorder point's orders). */
	long lotsOnOrder() {
		return this.lotsOnOrder;
	}

	int count() {
		return this.count;
	}

	/** The first order not yet received; {@link #count()} when all are. */
	int firstOpen() {
		return this.firstOpen;
	}

	int day(int j) {
		return this.days[j];
	}

	double units(int j) {
		return this.units[j];
	}

	int arrivalDay(int j) {
		return this.days[j] + this.leadTime;
	}

	double levelBefore(int j) {
		return this.levelsBefore[j];
	}

	double figure(int j) {
		return this.figures[j];
	}

	int figureDay(int j) {
		return this.figureDays[j];
	}

}
