package com.stockcast.intake;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A validated daily sales history: for each product (SKU), in order of first appearance, its days
 * in ascending order with the units sold on each. Held as one pair of primitive arrays per SKU, so
 * millions of rows cost no object per row. Immutable once built.
 */
public final class SalesHistory {

	private final String[] ids;

	private final int[][] days;

	private final double[][] units;

	private final int[] counts;

	private final Map<String, Integer> index;

	private final long rows;

	private SalesHistory(String[] ids, int[][] days, double[][] units, int[] counts, Map<String, Integer> index,
			long rows) {
		this.ids = ids;
		this.days = days;
		this.units = units;
		this.counts = counts;
		this.index = index;
		this.rows = rows;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Number of SKUs. */
	public int size() {
		return this.ids.length;
	}

	/** Number of rows (SKU-days) over all SKUs. */
	public long rows() {
		return this.rows;
	}

	public String id(int sku) {
		return this.ids[sku];
	}

	/** Number of days given for {@code sku}: at least 1. */
	public int days(int sku) {
		return this.counts[sku];
	}

	/** The {@code j}th day of {@code sku} as days since 1970-01-01; ascending in {@code j}, no day twice. */
	public int day(int sku, int j) {
		checkDay(sku, j);
		return this.days[sku][j];
	}

	/** Units sold on {@link #day(int, int) day(sku, j)}: finite, at least 0. */
	public double units(int sku, int j) {
		checkDay(sku, j);
		return this.units[sku][j];
	}

	/** The index of a product, or -1 when the history does not hold it. */
	public int indexOf(String productId) {
		Integer sku = this.index.get(productId);
		return (sku != null) ? sku : -1;
	}

	/** Rows of SKUs {@code from..to-1}. */
	public long rows(int from, int to) {
		long sum = 0;
		for (int sku = from; sku < to; sku++) {
			sum += this.counts[sku];
		}
		return sum;
	}

	/**
	 * The backing days of {@code sku}, for the hot loops that read a history (statistics, the job
	 * codec) without a copy; only the first {@link #days} count, and they must not be written.
	 */
	public int[] dayArray(int sku) {
		return this.days[sku];
	}

	/** The backing units of {@code sku}, read like {@link #dayArray}. */
	public double[] unitArray(int sku) {
		return this.units[sku];
	}

	private void checkDay(int sku, int j) {
		if (j < 0 || j >= this.counts[sku]) {
			throw new IndexOutOfBoundsException("day " + j + " of SKU " + sku + " (" + this.counts[sku] + " days)");
		}
	}

	/** Reports a product given twice for one day; rows are numbered from 0 in the order they were added. */
	@FunctionalInterface
	public interface DuplicateDays {

		void found(int sku, int day, long firstRow, long repeatRow);

	}

	/**
	 * Collects rows in any order, SKUs interleaved; {@link #build} sorts each SKU's days. Rows are
	 * numbered from 0 in the order they are added, so that a reader can tell where a duplicate was.
	 */
	public static final class Builder {

		private static final int INITIAL_DAYS = 8;

		private final Map<String, Integer> index = new HashMap<>();

		private String[] ids = new String[16];

		private int[][] days = new int[16][];

		private double[][] units = new double[16][];

		private int[][] rowNumbers = new int[16][];

		private int[] counts = new int[16];

		private int size;

		private int rows;

		private Builder() {
		}

		/** The index of {@code productId}, added as a new SKU when it was not seen before. */
		public int sku(String productId) {
			Integer known = this.index.get(productId);
			if (known != null) {
				return known;
			}
			if (this.size == this.ids.length) {
				int capacity = this.size * 2;
				this.ids = Arrays.copyOf(this.ids, capacity);
				this.days = Arrays.copyOf(this.days, capacity);
				this.units = Arrays.copyOf(this.units, capacity);
				this.rowNumbers = Arrays.copyOf(this.rowNumbers, capacity);
				this.counts = Arrays.copyOf(this.counts, capacity);
			}
			int sku = this.size++;
			this.ids[sku] = productId;
			this.days[sku] = new int[INITIAL_DAYS];
			this.units[sku] = new double[INITIAL_DAYS];
			this.rowNumbers[sku] = new int[INITIAL_DAYS];
			this.index.put(productId, sku);
			return sku;
		}

		/** The product id of a SKU added earlier. */
		public String id(int sku) {
			return this.ids[sku];
		}

		/** Adds a row to a SKU that {@link #sku} gave. */
		public void add(int sku, int day, double units) {
			int n = this.counts[sku];
			if (n == this.days[sku].length) {
				int capacity = n + (n >> 1);
				this.days[sku] = Arrays.copyOf(this.days[sku], capacity);
				this.units[sku] = Arrays.copyOf(this.units[sku], capacity);
				this.rowNumbers[sku] = Arrays.copyOf(this.rowNumbers[sku], capacity);
			}
			this.days[sku][n] = day;
			this.units[sku][n] = units;
			this.rowNumbers[sku][n] = this.rows++;
			this.counts[sku] = n + 1;
		}

		/** Rows added so far. */
		public long rows() {
			return this.rows;
		}

		/**
		 * Sorts each SKU's days and builds the history; every day given twice for one SKU is reported
		 * to {@code duplicates}, with the rows of its first and its repeated occurrence.
		 */
		public SalesHistory build(DuplicateDays duplicates) {
			for (int sku = 0; sku < this.size; sku++) {
				int n = this.counts[sku];
				int[] d = this.days[sku];
				if (!ascending(d, n)) {
					sort(sku, n);
					d = this.days[sku];
					int first = 0;
					for (int j = 1; j < n; j++) {
						if (d[j] == d[j - 1]) {
							duplicates.found(sku, d[j], this.rowNumbers[sku][first], this.rowNumbers[sku][j]);
						}
						else {
							first = j;
						}
					}
				}
				this.rowNumbers[sku] = null;
			}
			SalesHistory history = new SalesHistory(Arrays.copyOf(this.ids, this.size),
					Arrays.copyOf(this.days, this.size), Arrays.copyOf(this.units, this.size),
					Arrays.copyOf(this.counts, this.size), this.index, this.rows);
			this.ids = null;
			this.days = null;
			this.units = null;
			this.counts = null;
			return history;
		}

		private static boolean ascending(int[] days, int n) {
			for (int j = 1; j < n; j++) {
				if (days[j] <= days[j - 1]) {
					return false;
				}
			}
			return true;
		}

		/** Sorts a SKU's rows by day, stably: equal days keep the order they came in. */
		private void sort(int sku, int n) {
			long[] keys = new long[n];
			int[] d = this.days[sku];
			for (int j = 0; j < n; j++) {
				keys[j] = ((long) d[j] << 32) | j;
			}
			Arrays.sort(keys);
			int[] sortedDays = new int[n];
			double[] sortedUnits = new double[n];
			int[] sortedRows = new int[n];
			for (int j = 0; j < n; j++) {
				int from = (int) keys[j];
				sortedDays[j] = d[from];
				sortedUnits[j] = this.units[sku][from];
				sortedRows[j] = this.rowNumbers[sku][from];
			}
			this.days[sku] = sortedDays;
			this.units[sku] = sortedUnits;
			this.rowNumbers[sku] = sortedRows;
		}

	}

}
