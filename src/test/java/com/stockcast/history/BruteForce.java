package com.stockcast.history;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

import com.stockcast.intake.Histories.Sale;

/**
 * The statistics computed the slow and obvious way, in {@link BigDecimal} from the rows as given:
 * the oracle the service's doubles are checked against.
 */
final class BruteForce {

	private static final MathContext MC = MathContext.DECIMAL128;

	private BruteForce() {
	}

	/** {mean, std, min, q1, median, q3, max, trend}; NaN where undefined. Days ascending. */
	static double[] statistics(List<Sale> days, int trendDays) {
		int n = days.size();
		BigDecimal sum = BigDecimal.ZERO;
		for (Sale sale : days) {
			sum = sum.add(new BigDecimal(sale.units()));
		}
		BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
		double std = Double.NaN;
		if (n > 1) {
			BigDecimal squares = BigDecimal.ZERO;
			for (Sale sale : days) {
				BigDecimal d = new BigDecimal(sale.units()).subtract(mean);
				squares = squares.add(d.multiply(d));
			}
			std = squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC).doubleValue();
		}
		double[] sorted = days.stream().mapToDouble(Sale::units).toArray();
		Arrays.sort(sorted);
		int last = days.get(n - 1).day();
		List<Sale> window = days.stream().filter(s -> s.day() > last - trendDays).toList();
		return new double[] { mean.doubleValue(), std, sorted[0], type7(sorted, 1, 4), type7(sorted, 1, 2),
				type7(sorted, 3, 4), sorted[n - 1], slope(window) };
	}

	/** R's type 7: position (n - 1) p between the order statistics, linearly interpolated; p = num / den. */
	private static double type7(double[] sorted, int num, int den) {
		BigDecimal position = BigDecimal.valueOf((long) (sorted.length - 1) * num).divide(BigDecimal.valueOf(den));
		int below = position.intValue();
		BigDecimal fraction = position.subtract(BigDecimal.valueOf(below));
		if (below + 1 >= sorted.length) {
			return sorted[below];
		}
		BigDecimal low = new BigDecimal(sorted[below]);
		BigDecimal high = new BigDecimal(sorted[below + 1]);
		return low.add(fraction.multiply(high.subtract(low))).doubleValue();
	}

	/** Ordinary least squares: (n Σxy - Σx Σy) / (n Σx² - (Σx)²), x the epoch day. */
	private static double slope(List<Sale> points) {
		int n = points.size();
		if (n < 2) {
			return Double.NaN;
		}
		BigDecimal sx = BigDecimal.ZERO;
		BigDecimal sy = BigDecimal.ZERO;
		BigDecimal sxy = BigDecimal.ZERO;
		BigDecimal sxx = BigDecimal.ZERO;
		for (Sale p : points) {
			BigDecimal x = BigDecimal.valueOf(p.day());
			BigDecimal y = new BigDecimal(p.units());
			sx = sx.add(x);
			sy = sy.add(y);
			sxy = sxy.add(x.multiply(y));
			sxx = sxx.add(x.multiply(x));
		}
		BigDecimal bn = BigDecimal.valueOf(n);
		return bn.multiply(sxy).subtract(sx.multiply(sy)).divide(bn.multiply(sxx).subtract(sx.multiply(sx)), MC)
			.doubleValue();
	}

}
