package com.stockcast.simulation;

/**
 * Order statistics without a full sort: quickselect, expected linear time. The partition is
 * branch-free (Lomuto's scheme with an unconditional swap and a conditional increment, as in
 * Edelkamp and Weiß's BlockQuicksort): trial levels are random, so a comparison-driven branch
 * would be mispredicted half the time and cost more than the comparison itself. When nothing is
 * below the pivot the ties are split off by a second pass, so many equal values (every trial
 * alike) stay linear.
 */
final class Select {

	private static final int SHORT = 12;

	private Select() {
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
