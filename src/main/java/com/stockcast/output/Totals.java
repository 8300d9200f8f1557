package com.stockcast.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Per-date sums over a set of products: the partial result of one chunk in the portfolio totals,
 * and, merged chunk after chunk in input order, the whole portfolio's. Dates are calendar days;
 * a product counts on the days of its own projection only. The plan's figures (units ordered,
 * received, arriving as scheduled, and on order) are summed beside the stock's when a projection
 * adds them ({@link #addPlan}).
 */
public final class Totals {

	/**
	 * Heads the stored form that holds the plan's figures; the older form begins with the first date,
	 * which is never this far from 1970.
	 */
	private static final int WITH_PLAN = Integer.MIN_VALUE + 2;

	private int firstDay;

	private int length;

	private double[] level = new double[0];

	private double[] sold = new double[0];

	private double[] restocking = new double[0];

	private double[] unmet = new double[0];

	private double[] out = new double[0];

	private int[] skus = new int[0];

	private double[] placed = new double[0];

	private double[] received = new double[0];

	private double[] receipts = new double[0];

	private double[] onOrder = new double[0];

	/** The first date held, as days since 1970-01-01; meaningless while {@link #isEmpty()}. */
	public int firstDay() {
		return this.firstDay;
	}

	/** Dates held, from {@link #firstDay()} on. */
	public int length() {
		return this.length;
	}

	public boolean isEmpty() {
		return this.length == 0;
	}

	/**
	 * Adds one product's day: its end-of-day stock, units sold, units received (restocking and
	 * orders), unmet demand, and whether (or with what probability) it is out of stock.
	 */
	public void add(int epochDay, double level, double sold, double restocking, double unmet, double out) {
		int d = slot(epochDay);
		this.level[d] += level;
		this.sold[d] += sold;
		this.restocking[d] += restocking;
		this.unmet[d] += unmet;
		this.out[d] += out;
		this.skus[d]++;
	}

	/**
	 * Adds one product's plan on a day it was {@link #add added}: units of planned orders placed and
	 * received, units of scheduled receipts arriving, and the units on order at the end of the day.
	 */
	public void addPlan(int epochDay, double placed, double received, double receipts, double onOrder) {
		int d = slot(epochDay);
		this.placed[d] += placed;
		this.received[d] += received;
		this.receipts[d] += receipts;
		this.onOrder[d] += onOrder;
	}

	/** Adds {@code other}'s sums to these, date by date. */
	public void merge(Totals other) {
		if (other.isEmpty()) {
			return;
		}
		slot(other.firstDay);
		slot(other.firstDay + other.length - 1);
		int offset = other.firstDay - this.firstDay;
		for (int d = 0; d < other.length; d++) {
			this.level[offset + d] += other.level[d];
			this.sold[offset + d] += other.sold[d];
			this.restocking[offset + d] += other.restocking[d];
			this.unmet[offset + d] += other.unmet[d];
			this.out[offset + d] += other.out[d];
			this.skus[offset + d] += other.skus[d];
			this.placed[offset + d] += other.placed[d];
			this.received[offset + d] += other.received[d];
			this.receipts[offset + d] += other.receipts[d];
			this.onOrder[offset + d] += other.onOrder[d];
		}
	}

	public double level(int d) {
		return this.level[d];
	}

	public double sold(int d) {
		return this.sold[d];
	}

	public double restocking(int d) {
		return this.restocking[d];
	}

	public double unmet(int d) {
		return this.unmet[d];
	}

	public double out(int d) {
		return this.out[d];
	}

	public int skus(int d) {
		return this.skus[d];
	}

	public double placed(int d) {
		return this.placed[d];
	}

	public double received(int d) {
		return this.received[d];
	}

	public double receipts(int d) {
		return this.receipts[d];
	}

	public double onOrder(int d) {
		return this.onOrder[d];
	}

	/** The stored form, for a job's chunk. */
	public byte[] toBytes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + this.length * 76);
		try (DataOutputStream data = new DataOutputStream(bytes)) {
			data.writeInt(WITH_PLAN);
			data.writeInt(this.firstDay);
			data.writeInt(this.length);
			for (int d = 0; d < this.length; d++) {
				data.writeDouble(this.level[d]);
				data.writeDouble(this.sold[d]);
				data.writeDouble(this.restocking[d]);
				data.writeDouble(this.unmet[d]);
				data.writeDouble(this.out[d]);
				data.writeInt(this.skus[d]);
				data.writeDouble(this.placed[d]);
				data.writeDouble(this.received[d]);
				data.writeDouble(this.receipts[d]);
				data.writeDouble(this.onOrder[d]);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The stored form read back; a job's chunk stored before the plan's figures has them 0. */
	public static Totals fromBytes(byte[] stored) {
		Totals totals = new Totals();
		try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(stored))) {
			int first = data.readInt();
			boolean plan = first == WITH_PLAN;
			int firstDay = plan ? data.readInt() : first;
			int length = data.readInt();
			for (int d = 0; d < length; d++) {
				int slot = totals.slot(firstDay + d);
				totals.level[slot] = data.readDouble();
				totals.sold[slot] = data.readDouble();
				totals.restocking[slot] = data.readDouble();
				totals.unmet[slot] = data.readDouble();
				totals.out[slot] = data.readDouble();
				totals.skus[slot] = data.readInt();
				if (plan) {
					totals.placed[slot] = data.readDouble();
					totals.received[slot] = data.readDouble();
					totals.receipts[slot] = data.readDouble();
					totals.onOrder[slot] = data.readDouble();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return totals;
	}

	/** The index of {@code epochDay}, widening the range to hold it. */
	private int slot(int epochDay) {
		if (this.length == 0) {
			this.firstDay = epochDay;
			resize(0, 1);
			return 0;
		}
		if (epochDay < this.firstDay) {
			int shift = this.firstDay - epochDay;
			resize(shift, this.length + shift);
			this.firstDay = epochDay;
			return 0;
		}
		int d = epochDay - this.firstDay;
		if (d >= this.length) {
			resize(0, d + 1);
		}
		return d;
	}

	/** Makes room for {@code newLength} dates, the ones held moving {@code shift} slots up. */
	private void resize(int shift, int newLength) {
		if (shift == 0 && newLength <= this.level.length) {
			this.length = newLength;
			return;
		}
		int capacity = Math.max(newLength, (shift == 0) ? this.level.length * 2 : newLength);
		this.level = moved(this.level, shift, capacity);
		this.sold = moved(this.sold, shift, capacity);
		this.restocking = moved(this.restocking, shift, capacity);
		this.unmet = moved(this.unmet, shift, capacity);
		this.out = moved(this.out, shift, capacity);
		this.placed = moved(this.placed, shift, capacity);
		this.received = moved(this.received, shift, capacity);
		this.receipts = moved(this.receipts, shift, capacity);
		this.onOrder = moved(this.onOrder, shift, capacity);
		int[] skus = new int[capacity];
		System.arraycopy(this.skus, 0, skus, shift, this.length);
		this.skus = skus;
		this.length = newLength;
	}

	private double[] moved(double[] values, int shift, int capacity) {
		double[] grown = new double[capacity];
		System.arraycopy(values, 0, grown, shift, this.length);
		return grown;
	}

}
