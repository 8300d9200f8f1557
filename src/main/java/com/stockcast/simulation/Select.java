package com.stockcast.simulation;

/**
 * Order statistics without a full sort: quickselect, expected linear time. The partition is
 * branch-free (Lomuto's scheme with an unconditional swap and a conditional increment, as in
 * Edelkamp and Weiß's BlockQuicksort): trial levels are random, so a comparison-driven branch
 * would be mispredicted half the time and cost more than the comparison itself. Ties are split
 * off by a second pass, so many equal values (every trial alike) stay linear.
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
			int mid = (lo + hi) >>> 1;
			double pivot = medianOf3(a[lo], a[mid], a[hi]);
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
			// a[store..equal) == pivot < a[equal..i)
			int equal = store;
			for (int i = store; i <= hi; i++) {
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

	private static double medianOf3(double x, double y, double z) {
		return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
	}

}
