package com.stockcast.history;

import java.util.Arrays;

import com.stockcast.intake.SalesHistory;

/**
 * Computes {@link SkuStatistics} from a {@link SalesHistory}, one SKU at a time on primitives. An
 * instance keeps a scratch array for sorting, so a worker reuses one for a whole chunk; it is not
 * thread-safe.
 */
final class SalesStatistics {

	/** Fewest days the trend window may span. */
	public static final int MIN_TREND_DAYS = 2;

	/** Most days the trend window may span: ten years. */
	public static final int MAX_TREND_DAYS = 3660;

	/** The trend window when the caller names none: four weeks. */
	public static final int DEFAULT_TREND_DAYS = 28;

	private double[] sorted = new double[64];

	/** The statistics of {@code sku}, with a trend over its last {@code trendDays} calendar days. */
	public static SkuStatistics of(SalesHistory history, int sku, int trendDays) {
		return new SalesStatistics().compute(history, sku, trendDays);
	}

	/** As {@link #of}, reusing this instance's scratch array. */
	public SkuStatistics compute(SalesHistory history, int sku, int trendDays) {
		if (trendDays < MIN_TREND_DAYS || trendDays > MAX_TREND_DAYS) {
			throw new IllegalArgumentException("trendDays must be between " + MIN_TREND_DAYS + " and "
					+ MAX_TREND_DAYS + ": " + trendDays);
		}
		int n = history.days(sku);
		int[] days = history.dayArray(sku);
		double[] units = history.unitArray(sku);
		double mean = mean(units, 0, n);
		double std = Double.NaN;
		if (n >= 2) {
			// Two passes, with the second pass's correction term: stable even where the mean is large
			// against the spread (Chan, Golub and LeVeque's corrected two-pass algorithm).
			double squares = 0;
			double deviations = 0;
			for (int j = 0; j < n; j++) {
				double d = units[j] - mean;
				squares += d * d;
				deviations += d;
			}
			std = Math.sqrt(Math.max(0, (squares - deviations * deviations / n) / (n - 1)));
		}
		if (this.sorted.length < n) {
			this.sorted = new double[Math.max(n, this.sorted.length * 2)];
		}
		double[] s = this.sorted;
		System.arraycopy(units, 0, s, 0, n);
		Arrays.sort(s, 0, n);
		int lastDay = days[n - 1];
		return new SkuStatistics(n, mean, std, s[0], quantile(s, n, 0.25), quantile(s, n, 0.5),
				quantile(s, n, 0.75), s[n - 1], days[0], lastDay, trend(days, units, n, lastDay - trendDays + 1));
	}

	/** The mean, corrected by the mean of the residuals so that it is right to the last bits. */
	private static double mean(double[] units, int from, int to) {
		int n = to - from;
		double sum = 0;
		for (int j = from; j < to; j++) {
			sum += units[j];
		}
		double mean = sum / n;
		double residual = 0;
		for (int j = from; j < to; j++) {
			residual += units[j] - mean;
		}
		return mean + residual / n;
	}

	/** R's type 7 quantile of {@code sorted[0..n-1]}: {@code x[h] + (h - floor h)(x[h+1] - x[h])}, {@code h = (n-1)p}. */
	static double quantile(double[] sorted, int n, double p) {
		double h = (n - 1) * p;
		int below = (int) Math.floor(h);
		if (below + 1 >= n) {
			return sorted[n - 1];
		}
		double fraction = h - below;
		return (fraction == 0) ? sorted[below] : sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
	}

	/** Least-squares slope of units against the day over the days from {@code firstDay} on; NaN below two points. */
	private static double trend(int[] days, double[] units, int n, int firstDay) {
		int from = n;
		while (from > 0 && days[from - 1] >= firstDay) {
			from--;
		}
		int points = n - from;
		if (points < 2) {
			return Double.NaN;
		}
		// Days relative to the last one keep x small; centring on the means keeps the sums stable.
		int last = days[n - 1];
		double meanX = 0;
		for (int j = from; j < n; j++) {
			meanX += days[j] - last;
		}
		meanX /= points;
		double meanY = mean(units, from, n);
		double sxy = 0;
		double sxx = 0;
		for (int j = from; j < n; j++) {
			double dx = (days[j] - last) - meanX;
			sxy += dx * (units[j] - meanY);
			sxx += dx * dx;
		}
		return sxy / sxx;
	}

}
