package com.stockcast.simulation;

/**
 * Order statistics without a full sort: quickselect, expected linear time, and for the three
 * percentiles of a period a bucket count ({@link #ranks}). An instance holds the buffers of the
 * latter; {@link #select} is static.
 *
 * <p>Quickselect: The partition is
 * branch-free (Lomuto's scheme with an unconditional swap and a conditional increment, as in
 * Edelkamp and Weiß's BlockQuicksort): trial levels are random, so a comparison-driven branch
 * would be mispredicted half the time and cost more than the comparison itself. When nothing is
 * below the pivot the ties are split off by a second pass, so many equal values (every trial
 * alike) stay linear.
 */
final class Select {

	private static final int SHORT = 12;

	private static final int BUCKETS = 512;

	private final int[] counts = new int[2 * BUCKETS];

	private double[] low = new double[64];

	private double[] middle = new double[64];

	private double[] high = new double[64];

	/**
	 * Writes the values of ranks {@code r0 <= r1 <= r2} (0-based) among {@code a[0..n)} to
	 * {@code out[0..2]}, leaving {@code a} as it was. Three passes and no sort: the range is cut into
	 * {@value #BUCKETS} equal buckets (the bucket of a value is monotone in the value, so counting
	 * per bucket tells exactly which bucket holds each rank), the three buckets' values are
	 * collected and the ranks selected among those few. A range too wide or too narrow for the
	 * bucket arithmetic falls back to {@link #select}.
	 */
	void ranks(double[] a, int n, int r0, int r1, int r2, double[] out, double[] scratch) {
		double min = a[0];
		double max = a[0];
		for (int t = 1; t < n; t++) {
			double v = a[t];
			min = (v < min) ? v : min;
			max = (v > max) ? v : max;
		}
		double width = max - min;
		if (width == 0) {
			// Every trial alike (constant demand, or every trial out of stock): nothing to select.
			out[0] = min;
			out[1] = min;
			out[2] = min;
			return;
		}
		if (Double.isInfinite(width) || Double.isInfinite(BUCKETS / width)) {
			System.arraycopy(a, 0, scratch, 0, n);
			out[1] = select(scratch, 0, n, r1);
			out[0] = select(scratch, 0, r1, r0);
			out[2] = select(scratch, r1, n, r2);
			return;
		}
		double scale = BUCKETS / width;
		// Two tables, even and odd trials, so that runs of one bucket (every trial that ran out
		// sits at the same level) do not chain each increment on the one before.
		int[] counts = this.counts;
		java.util.Arrays.fill(counts, 0);
		// Values equal to the minimum are counted too: under lost sales every trial that ran out
		// sits at the same lowest level, and ranks among them need no selection.
		int atMin = 0;
		int t = 0;
		for (; t + 1 < n; t += 2) {
			double v = a[t];
			double w = a[t + 1];
			counts[bucket(v, min, scale)]++;
			counts[BUCKETS + bucket(w, min, scale)]++;
			atMin += ((v == min) ? 1 : 0) + ((w == min) ? 1 : 0);
		}
		if (t < n) {
			counts[bucket(a[t], min, scale)]++;
			atMin += (a[t] == min) ? 1 : 0;
		}
		for (int b = 0; b < BUCKETS; b++) {
			counts[b] += counts[BUCKETS + b];
		}
		int b0 = -1;
		int b1 = -1;
		int b2 = -1;
		int below0 = 0;
		int below1 = 0;
		int below2 = 0;
		int seen = 0;
		for (int b = 0; b < BUCKETS; b++) {
			int next = seen + counts[b];
			if (b0 < 0 && r0 < next) {
				b0 = b;
				below0 = seen;
			}
			if (b1 < 0 && r1 < next) {
				b1 = b;
				below1 = seen;
			}
			if (r2 < next) {
				b2 = b;
				below2 = seen;
				break;
			}
			seen = next;
		}
		if (r0 < atMin) {
			out[0] = min;
			b0 = -1;
		}
		if (r1 < atMin) {
			out[1] = min;
			b1 = -1;
		}
		if (r2 < atMin) {
			out[2] = min;
			b2 = -1;
		}
		if (b0 < 0 && b1 < 0 && b2 < 0) {
			return;
		}
		double[] low = buffer(0, (b0 < 0) ? 0 : counts[b0]);
		double[] middle = buffer(1, (b1 < 0) ? 0 : counts[b1]);
		double[] high = buffer(2, (b2 < 0) ? 0 : counts[b2]);
		int n0 = 0;
		int n1 = 0;
		int n2 = 0;
		for (t = 0; t < n; t++) {
			double v = a[t];
			int b = bucket(v, min, scale);
			if (b == b0) {
				low[n0++] = v;
			}
			if (b == b1) {
				middle[n1++] = v;
			}
			if (b == b2) {
				high[n2++] = v;
			}
		}
		if (b0 >= 0) {
			out[0] = select(low, 0, n0, r0 - below0);
		}
		if (b1 >= 0) {
			out[1] = select(middle, 0, n1, r1 - below1);
		}
		if (b2 >= 0) {
			out[2] = select(high, 0, n2, r2 - below2);
		}
	}

	private static int bucket(double v, double min, double scale) {
		int b = (int) ((v - min) * scale);
		return (b < BUCKETS) ? b : BUCKETS - 1;
	}

	private double[] buffer(int which, int size) {
		double[] buffer = (which == 0) ? this.low : (which == 1) ? this.middle : this.high;
		if (buffer.length < size) {
			buffer = new double[Math.max(size, buffer.length * 2)];
			if (which == 0) {
				this.low = buffer;
			}
			else if (which == 1) {
				this.middle = buffer;
			}
			else {
				this.high = buffer;
			}
		}
		return buffer;
	}

	/**
	 * Returns the value of rank {@code index} among {@code a[from..to)} ({@code index} counted from 0
	 * at {@code a[0]}, {@code from <= index}), rearranging that range so that {@code a[index]} holds it,
	 * nothing after it is smaller and nothing before it is larger. An empty range returns {@code a[index]}.
	 */
	static double select(double[] a, int from, int to, int index) {
		int lo = from;
		int hi = to - 1;
		while (hi - lo >= SHORT) {
			double pivot = pivot(a, lo, hi, index);
			// a[lo..store) < pivot <= a[store..i)
			int store = lo;
			for (int i = lo; i <= hi; i++) {
				double v = a[i];
				a[i] = a[store];
				a[store] = v;
				store += (v < pivot) ? 1 : 0;
			}
			if (index < store) {
				hi = store - 1;
				continue;
			}
			if (store > lo) {
				lo = store;
				continue;
			}
			// Nothing was below the pivot, so the range did not shrink: split off the ties,
			// a[lo..equal) == pivot < a[equal..i).
			int equal = lo;
			for (int i = lo; i <= hi; i++) {
				double v = a[i];
				a[i] = a[equal];
				a[equal] = v;
				equal += (v <= pivot) ? 1 : 0;
			}
			if (index < equal) {
				return pivot;
			}
			lo = equal;
		}
		for (int i = lo + 1; i <= hi; i++) {
			double v = a[i];
			int j = i - 1;
			while (j >= lo && v < a[j]) {
				a[j + 1] = a[j];
				j--;
			}
			a[j + 1] = v;
		}
		return a[index];
	}

	/**
	 * A pivot that leaves the wanted rank on the smaller side (Alexandrescu's adaptive quickselect,
	 * 2017): 9 values spread over the range are sorted in place at its start and the one whose rank
	 * is just past the wanted rank's relative position, away from the middle, is taken; for the
	 * median, the sample median. Short ranges take a median of three.
	 */
	private static double pivot(double[] a, int lo, int hi, int index) {
		int n = hi - lo + 1;
		if (n < 81) {
			int mid = (lo + hi) >>> 1;
			return medianOf3(a[lo], a[mid], a[hi]);
		}
		int step = n / 9;
		for (int s = 0; s < 9; s++) {
			swap(a, lo + s, lo + s * step + step / 2);
		}
		for (int i = lo + 1; i < lo + 9; i++) {
			double v = a[i];
			int j = i - 1;
			while (j >= lo && v < a[j]) {
				a[j + 1] = a[j];
				j--;
			}
			a[j + 1] = v;
		}
		// Sample value j sits near the population's (j + 1) / 10 quantile; its spread is about 0.15.
		double f = (double) (index - lo) / n;
		double margin = Math.min(0.15, Math.abs(f - 0.5));
		double q = (f < 0.5) ? f + margin : f - margin;
		int j = (int) Math.round(q * 10) - 1;
		return a[lo + Math.max(0, Math.min(8, j))];
	}

	private static void swap(double[] a, int i, int j) {
		double t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

	private static double medianOf3(double x, double y, double z) {
		return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
	}

}
