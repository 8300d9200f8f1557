package com.stockcast.simulation;

import java.util.Arrays;

/**
 * Exact Poisson deviates for one rate at a time, prepared once per product (the rate is fixed
 * per product) and then drawn 365 x trials times.
 * <ul>
 * <li>Rate 0: always 0.</li>
 * <li>Rate up to {@value #TABLE_LIMIT}: inversion. The cumulative distribution is tabulated (the
 * pmf by its recurrence {@code p(k+1) = p(k) * rate / (k+1)} from {@code p(0) = exp(-rate)}) until
 * past the mean with {@code p(k) < 1e-20}; a draw {@code u} uniform on [0, 1) gives the least
 * {@code k} with {@code F(k) > u}. A guide table (Chen and Asau, 1974) of four cells per table entry
 * starts the search mostly at the answer itself, so a draw costs one uniform and about 1.25
 * comparisons whatever the rate. Beyond the table the recurrence goes
 * on, so even the far tail is reachable. The only departure from the exact law is the rounding of
 * the tabulated F, a few ulps of 1.</li>
 * <li>Larger rates: PTRS, Hörmann's transformed rejection with squeeze ("The transformed rejection
 * method for generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993),
 * exact by construction (a rejection method), about 1.1 pairs of uniforms per draw.</li>
 * </ul>
 */
final class PoissonSampler {

	/** Rates up to this use the table; {@code exp(-rate)} is still a normal double well past it. */
	static final double TABLE_LIMIT = 500;

	private static final double[] LOG_GAMMA_SERIES = { 8.333333333333333e-02, -2.777777777777778e-03,
			7.936507936507937e-04, -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
			6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01, -1.39243221690590e+00 };

	private double rate;

	private boolean table;

	/** {@code cdf[k] = F(k)} for {@code k < n}, then {@code +Infinity} as the search's sentinel. */
	private double[] cdf = new double[64];

	private double lastPmf;

	private int n;

	private int[] guide = new int[64];

	private double logRate;

	private double b;

	private double a;

	private double logInverseAlpha;

	private double vr;

	void prepare(double rate) {
		this.rate = rate;
		this.table = rate <= TABLE_LIMIT;
		if (this.table) {
			prepareTable(rate);
		}
		else {
			preparePtrs(rate);
		}
	}

	private void preparePtrs(double rate) {
		double slam = Math.sqrt(rate);
		this.logRate = Math.log(rate);
		this.b = 0.931 + 2.53 * slam;
		this.a = -0.059 + 0.02483 * this.b;
		this.logInverseAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
		this.vr = 0.9277 - 3.6224 / (this.b - 2);
	}

	private void prepareTable(double rate) {
		double p = Math.exp(-rate);
		double f = p;
		int k = 0;
		put(k, f);
		while (k <= rate || p >= 1e-20) {
			k++;
			p *= rate / k;
			f += p;
			put(k, f);
		}
		this.n = k + 1;
		this.lastPmf = p;
		put(this.n, Double.POSITIVE_INFINITY);
		int cells = 4 * this.n;
		if (this.guide.length < cells) {
			this.guide = new int[Math.max(cells, this.guide.length * 2)];
		}
		int j = 0;
		for (int c = 0; c < cells; c++) {
			double threshold = (double) c / cells;
			while (this.cdf[j] <= threshold) {
				j++;
			}
			this.guide[c] = j;
		}
	}

	private void put(int k, double f) {
		if (k >= this.cdf.length) {
			this.cdf = Arrays.copyOf(this.cdf, Math.max(k + 1, this.cdf.length * 2));
		}
		this.cdf[k] = f;
	}

	/** One deviate from the prepared rate, as a double (rates may exceed int range). */
	double sample(RandomStream random) {
		return this.table ? invert(random.nextDouble()) : ptrs(random);
	}

	/** Whether the prepared rate is drawn by {@link #invert} from one uniform. */
	boolean tabulated() {
		return this.table;
	}

	/** The deviate of uniform {@code u} in [0, 1), by the table: only when {@link #tabulated()}. */
	double invert(double u) {
		int cells = 4 * this.n;
		int k = this.guide[Math.min((int) (u * cells), cells - 1)];
		double[] cdf = this.cdf;
		while (u >= cdf[k]) {
			k++;
		}
		return (k < this.n) ? k : tail(u);
	}

	private double tail(double u) {
		double p = this.lastPmf;
		double f = this.cdf[this.n - 1];
		long k = this.n - 1;
		while (u >= f && p > 0) {
			k++;
			p *= this.rate / k;
			f += p;
		}
		return k;
	}

	/**
	 * One deviate of a rate drawn afresh each time (the gamma-mixed rate of the negative binomial), so
	 * nothing is tabulated: below {@value #PTRS_LEAST} sequential inversion from {@code p(0)} (one uniform,
	 * about {@code rate + 1} steps), above PTRS (valid from 10, Hörmann 1993) after its few constants.
	 * Leaves {@link #prepare}'s rate to the next call of it: the sampler then holds the last fresh rate.
	 */
	double sampleFresh(double rate, RandomStream random) {
		if (rate == 0) {
			return 0;
		}
		if (rate < PTRS_LEAST) {
			double u = random.nextDouble();
			double p = Math.exp(-rate);
			double f = p;
			int k = 0;
			// p reaches 0 only far past any double u < 1 can ask for, so the loop ends.
			while (u >= f && p > 0) {
				k++;
				p *= rate / k;
				f += p;
			}
			return k;
		}
		this.table = false;
		this.rate = rate;
		preparePtrs(rate);
		return ptrs(random);
	}

	/** The least rate {@link #sampleFresh} draws by PTRS. */
	static final double PTRS_LEAST = 10;

	private double ptrs(RandomStream random) {
		double rate = this.rate;
		for (;;) {
			double u = random.nextDouble() - 0.5;
			double v = random.nextDouble();
			double us = 0.5 - Math.abs(u);
			double k = Math.floor((2 * this.a / us + this.b) * u + rate + 0.43);
			if (us >= 0.07 && v <= this.vr) {
				return k;
			}
			if (k < 0 || (us < 0.013 && v > us)) {
				continue;
			}
			if (Math.log(v) + this.logInverseAlpha - Math.log(this.a / (us * us) + this.b) <= -rate + k * this.logRate
					- logGamma(k + 1)) {
				return k;
			}
		}
	}

	/** {@code ln Γ(x)} for {@code x >= 1}: Stirling's series, shifted up to 7 for small x (as numpy's loggam). */
	static double logGamma(double x) {
		if (x == 1.0 || x == 2.0) {
			return 0.0;
		}
		double x0 = x;
		int shift = 0;
		if (x <= 7.0) {
			shift = (int) (7 - x);
			x0 = x + shift;
		}
		double x2 = 1.0 / (x0 * x0);
		double series = LOG_GAMMA_SERIES[9];
		for (int k = 8; k >= 0; k--) {
			series = series * x2 + LOG_GAMMA_SERIES[k];
		}
		double gl = series / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
		for (int k = 1; k <= shift; k++) {
			x0 -= 1.0;
			gl -= Math.log(x0);
		}
		return gl;
	}

}
