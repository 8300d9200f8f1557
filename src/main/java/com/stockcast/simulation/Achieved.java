package com.stockcast.simulation;

/**
 * What a policy achieves over the Monte Carlo trials (docs/forecast-contract.md#what-the-plan-achieves):
 * the 95% confidence intervals of the achieved cycle service level and fill rate.
 */
final class Achieved {

	/** The standard normal's 97.5% quantile: two-sided 95% intervals. */
	static final double Z = 1.959963984540054;

	private Achieved() {
	}

	/**
	 * The Wilson score interval's {@code low} or high end for {@code successes} of {@code n}: it stays within
	 * [0, 1] and keeps its coverage near 0 and 1, where the cycle service levels asked for lie. NaN when
	 * {@code n} is 0.
	 */
	static double wilson(long successes, long n, boolean low) {
		if (n == 0) {
			return Double.NaN;
		}
		double p = (double) successes / n;
		double z2 = Z * Z;
		double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
		double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return low ? Math.max(0, centre - half) : Math.min(1, centre + half);
	}

	/**
	 * The 95% half-width of {@code ratio = Σ short_t / Σ demand_t} over {@code trials} independent trials,
	 * by the delta method: the spread of {@code short_t - ratio x demand_t} over the trials gives the
	 * ratio's standard error. NaN with fewer than two trials.
	 */
	static double ratioHalfWidth(double[] shortOf, double[] demanded, int trials, double ratio, double demand) {
		if (trials < 2) {
			return Double.NaN;
		}
		double squares = 0;
		for (int t = 0; t < trials; t++) {
			double residual = shortOf[t] - ratio * demanded[t];
			squares += residual * residual;
		}
		return Z * (Math.sqrt(squares / (trials - 1) / trials) / (demand / trials));
	}

}
