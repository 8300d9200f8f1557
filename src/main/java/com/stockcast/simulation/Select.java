package com.stockcast.simulation;

/**
 * Order statistics without a full sort: Hoare's quickselect with a median-of-three pivot and an
 * insertion sort for short ranges, expected linear time.
 */
final class Select {

	private static final int SHORT = 16;

	private Select() {
	}

	/**
	 * Returns the value of rank {@code index} (0-based, counted from {@code a[from]}) among
	 * {@code a[from..to)}, and rearranges that range so that {@code a[index]} holds it, nothing after
	 * it is smaller and nothing before it is larger.
	 */
	static double select(double[] a, int from, int to, int index) {
		int lo = from;
		int hi = to - 1;
		while (hi - lo >= SHORT) {
			int mid = (lo + hi) >>> 1;
			if (a[mid] < a[lo]) {
				swap(a, mid, lo);
			}
			if (a[hi] < a[lo]) {
				swap(a, hi, lo);
			}
			if (a[hi] < a[mid]) {
				swap(a, hi, mid);
			}
			double pivot = a[mid];
			int i = lo;
			int j = hi;
			while (i <= j) {
				while (a[i] < pivot) {
					i++;
				}
				while (pivot < a[j]) {
					j--;
				}
				if (i <= j) {
					swap(a, i, j);
					i++;
					j--;
				}
			}
			// Now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] == pivot.
			if (index <= j) {
				hi = j;
			}
			else if (index >= i) {
				lo = i;
			}
			else {
				return a[index];
			}
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

	private static void swap(double[] a, int i, int j) {
		double t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

}
